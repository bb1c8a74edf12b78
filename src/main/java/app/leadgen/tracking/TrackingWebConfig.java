package app.leadgen.tracking;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The per-address rate limit in front of the public links ({@code /track/**}, {@code /u/**}). */
@Configuration(proxyBeanMethods = false)
class TrackingWebConfig implements WebMvcConfigurer {

    private final TrackingProperties properties;

    TrackingWebConfig(TrackingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimit(properties.ratePerMinute(), properties.maxTrackedIps()))
                .addPathPatterns("/track/**", "/u/**");
    }
}
