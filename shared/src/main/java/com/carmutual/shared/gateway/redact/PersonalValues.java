package com.carmutual.shared.gateway.redact;

import java.util.Collection;

/**
 * An input that knows which of its values are personal (the names, plates, member numbers a caller
 * gave the phone agent): the gateway redacts each of them wherever it appears in the prompt, as it
 * does the values of {@code StructuredRequest.withRedacted}, before any external model sees it.
 * The method is not a bean property, so it is not part of the input's JSON.
 */
public interface PersonalValues {
  /** The literal values to hide, any case, anywhere in the prompt; blank ones are ignored. */
  Collection<String> personalValues();
}
