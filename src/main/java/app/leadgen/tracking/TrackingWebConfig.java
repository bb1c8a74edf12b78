package app.leadgen.tracking;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public links' plumbing: one per-address rate limit for {@code /track/**} and {@code /u/**}; the
 * tracking links ({@link TrackingLinks}) answered by {@link TrackingFilter} ahead of every other filter
 * (the security chain included: the paths are public in {@code accounts.PublicPaths}) and, with {@code
 * TRACKING_PORT}, on a port of their own ({@link TrackingPort}); the unsubscribe page through Spring MVC
 * behind the interceptor.
 */
@Configuration(proxyBeanMethods = false)
class TrackingWebConfig implements WebMvcConfigurer {

    private final RateLimit limit;

    TrackingWebConfig(TrackingProperties properties) {
        this.limit = new RateLimit(properties.ratePerMinute(), properties.maxTrackedIps());
    }

    @Bean
    TrackingLinks trackingLinks(TrackedMailCache mails, EventWriter events, MachineTraffic machines, Clock clock) {
        return new TrackingLinks(mails, events, machines, limit, clock);
    }

    @Bean
    FilterRegistrationBean<TrackingFilter> trackingFilter(TrackingLinks links) {
        var registration = new FilterRegistrationBean<>(new TrackingFilter(links));
        registration.addUrlPatterns(TrackingLinks.OPEN + "*", TrackingLinks.CLICK + "*");
        // first of all, the observation filter included: a pixel is not worth a metrics sample
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("trackingFilter");
        return registration;
    }

    /** The tracking port, if {@code TRACKING_PORT} is set; its proxy rule follows the app port's. */
    @Bean
    TrackingPort trackingPort(
            TrackingLinks links,
            TrackingProperties properties,
            @Value("${server.address:0.0.0.0}") String address,
            @Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
        return new TrackingPort(links, address, properties.port(), !"none".equalsIgnoreCase(forwardHeaders));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/u/**");
    }
}
