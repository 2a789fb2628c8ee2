package com.carmutual.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with VINs and phone numbers masked ({@link LogMasking}). Every service's
 * {@code logback.xml} maps {@code msg}, {@code message} and {@code m} to it:
 *
 * <pre>{@code <conversionRule conversionWord="msg" class="com.carmutual.shared.logging.MaskingMessageConverter"/>}</pre>
 */
public final class MaskingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return LogMasking.mask(super.convert(event));
  }
}
