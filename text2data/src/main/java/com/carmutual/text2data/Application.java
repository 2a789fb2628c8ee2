package com.carmutual.text2data;

import com.carmutual.shared.app.SuiteApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** text2data: analysts' questions answered from a governed semantic layer. */
@OpenAPIDefinition(
    info = @Info(title = "text2data", version = "1.0", description = "Questions in English or Chinese answered from the governed semantic layer."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
  public static void main(String[] args) {
    SuiteApplication.run(Application.class, args);
  }
}
