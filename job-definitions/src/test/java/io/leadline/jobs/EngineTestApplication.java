package io.leadline.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The engine alone, as the app runs it: Batch on H2 with Flyway, local store, real
 * provider clients.
 */
@SpringBootApplication
public class EngineTestApplication {

}
