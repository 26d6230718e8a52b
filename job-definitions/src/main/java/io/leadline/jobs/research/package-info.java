/**
 * Researches one prospect on the web (Serper) and writes a personalized opener with an
 * LLM (Groq, OpenAI-compatible). {@link io.leadline.jobs.research.ProspectResearcher} is
 * the entry point; provider trouble surfaces as
 * {@link io.leadline.jobs.research.TransientProviderException} (retry the row) or
 * {@link io.leadline.jobs.research.FatalProviderException} (stop the job).
 */
package io.leadline.jobs.research;
