/**
 * Enrichment: the contact waterfall for a username. First a profile scraper (Apify), then, for
 * whatever is still missing, an LLM web search (Perplexity through Spring AI).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Enrichment",
        allowedDependencies = {"ai", "apify", "leads", "support"})
package app.leadgen.enrichment;
