package io.leadline.jobs.research;

import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The provider clients. Keys and endpoints come from the environment ({@code SERPER_API_KEY},
 * {@code GROQ_API_KEY}, {@code LEADLINE_SERPER_URL}, {@code LEADLINE_GROQ_URL},
 * {@code LEADLINE_GROQ_MODEL}); Spring's environment also lets tests set them as properties.
 */
@Configuration(proxyBeanMethods = false)
public class ResearchConfig {

  @Bean
  ProviderSettings providerSettings(Environment environment) {
    return ProviderSettings.fromEnvironment(name -> blankToNull(environment.getProperty(name)));
  }

  @Bean(destroyMethod = "")
  OkHttpClient providerHttpClient(ProviderSettings settings) {
    return ProviderHttp.client(settings);
  }

  @Bean
  ProspectResearcher prospectResearcher(OkHttpClient providerHttpClient, ProviderSettings settings) {
    return new ProspectResearcher(new SerperClient(providerHttpClient, settings),
        new GroqClient(providerHttpClient, settings));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
