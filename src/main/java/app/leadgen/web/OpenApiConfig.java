package app.leadgen.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LeadGen API",
                        version = "v1",
                        description =
                                "Runs, leads and settings of the LeadGen workbench. Errors are RFC 9457 problem details."))
class OpenApiConfig {}
