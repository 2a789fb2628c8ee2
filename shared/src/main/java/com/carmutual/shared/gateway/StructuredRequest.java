package com.carmutual.shared.gateway;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One structured call: the task, its typed input, optional images (for vision tasks), extra
 * prompt variables, and the output type the answer must fit.
 */
public record StructuredRequest<T>(
    String task,
    Object input,
    List<ImageInput> images,
    Map<String, Object> variables,
    Class<T> outputType) {

  public StructuredRequest {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(outputType, "outputType");
    images = images == null ? List.of() : List.copyOf(images);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  public static <T> StructuredRequest<T> of(String task, Object input, Class<T> outputType) {
    return new StructuredRequest<>(task, input, List.of(), Map.of(), outputType);
  }

  public StructuredRequest<T> withImages(List<ImageInput> images) {
    return new StructuredRequest<>(task, input, images, variables, outputType);
  }

  /** A copy with these prompt variables added ({@code {{name}}} in the prompt file). */
  public StructuredRequest<T> withVariables(Map<String, Object> more) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(variables);
    all.putAll(more);
    return new StructuredRequest<>(task, input, images, all, outputType);
  }

  /**
   * A copy whose given personal names (or any other literal strings) are replaced by placeholders
   * before the prompt leaves for an external provider, and put back in the answer.
   */
  public StructuredRequest<T> withRedacted(List<String> names) {
    return withVariables(Map.of(REDACT_VARIABLE, List.copyOf(names)));
  }

  /** The variable holding literal strings to redact (a list of strings), see {@link #withRedacted}. */
  public static final String REDACT_VARIABLE = "redact";
}
