package com.carmutual.vin;

import com.carmutual.shared.app.SuiteApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** vin-matching: decodes VINs and matches them to the pricing catalog, for the quoting system. */
@OpenAPIDefinition(
    info = @Info(title = "vin-matching", version = "1.0", description = "Decode a VIN and match it to the pricing catalog"),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
  public static void main(String[] args) {
    SuiteApplication.run(Application.class, args);
  }
}
