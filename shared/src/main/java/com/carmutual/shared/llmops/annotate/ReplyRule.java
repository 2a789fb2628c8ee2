package com.carmutual.shared.llmops.annotate;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * A task whose calls may be answered from annotations:
 *
 * <pre>
 * suite.llmops.annotation-reply:
 *   text2data-plan:
 *     task: text2data.plan
 *     threshold: 0.95     # cosine of in-process embeddings; an exact input match always answers
 * </pre>
 */
@EachProperty("suite.llmops.annotation-reply")
final class ReplyRule {
  private final String key;
  private String task;
  private double threshold = 0.95;

  ReplyRule(@Parameter String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  public String getTask() {
    return task == null || task.isBlank() ? key : task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public double getThreshold() {
    return threshold;
  }

  public void setThreshold(double threshold) {
    this.threshold = threshold;
  }
}
