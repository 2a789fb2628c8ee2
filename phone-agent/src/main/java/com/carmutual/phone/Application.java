package com.carmutual.phone;

import com.carmutual.shared.app.SuiteApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** phone-agent: claim intake, satisfaction surveys and job screening by phone. */
@OpenAPIDefinition(
    info = @Info(title = "phone-agent", version = "1.0", description = "Claim intake, surveys and screening over telephony webhooks."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
  public static void main(String[] args) {
    SuiteApplication.run(Application.class, args);
  }
}
