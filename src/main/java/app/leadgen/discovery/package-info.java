/**
 * Discovery: finds accounts. For Instagram, a hashtag search through Apify whose posts are
 * flattened into unique {@code hashtag|username} findings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discovery")
package app.leadgen.discovery;
