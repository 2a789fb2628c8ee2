package com.carmutual.claims;

import com.carmutual.shared.app.SuiteApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** claims-agent: priced repair estimates from photos and the claim report, for adjusters. */
@OpenAPIDefinition(
    info = @Info(title = "claims-agent", version = "1.0", description = "Priced repair estimates from claim photos and reports."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
  public static void main(String[] args) {
    SuiteApplication.run(Application.class, args);
  }
}
