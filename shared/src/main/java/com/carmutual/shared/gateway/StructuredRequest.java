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
}
