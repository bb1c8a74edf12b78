package app.leadgen.tracking;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public links' plumbing: one per-address rate limit for {@code /track/**} and {@code /u/**}; the
 * tracking links answered by {@link TrackingFilter} ahead of every other filter (the security chain
 * included: the paths are public in {@code accounts.PublicPaths}), the unsubscribe page through Spring
 * MVC behind the interceptor.
 */
@Configuration(proxyBeanMethods = false)
class TrackingWebConfig implements WebMvcConfigurer {

    private final RateLimit limit;

    TrackingWebConfig(TrackingProperties properties) {
        this.limit = new RateLimit(properties.ratePerMinute(), properties.maxTrackedIps());
    }

    @Bean
    FilterRegistrationBean<TrackingFilter> trackingFilter(
            TrackedMailCache mails, EventWriter events, MachineTraffic machines, Clock clock) {
        var registration = new FilterRegistrationBean<>(new TrackingFilter(mails, events, machines, limit, clock));
        registration.addUrlPatterns(TrackingFilter.OPEN + "*", TrackingFilter.CLICK + "*");
        // first of all, the observation filter included: a pixel is not worth a metrics sample
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("trackingFilter");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/u/**");
    }
}
