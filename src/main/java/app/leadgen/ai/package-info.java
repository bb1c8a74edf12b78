/**
 * LLM access through Spring AI: one OpenAI-compatible chat model per provider (OpenAI, Groq,
 * Ollama, Perplexity …), each with its own base URL, key and model, and one mapping of their errors.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "AI",
        allowedDependencies = {"support"})
package app.leadgen.ai;
