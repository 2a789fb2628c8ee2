package com.carmutual.shared.gateway;

import java.util.Optional;

/**
 * The versions switched at run time (by LLM operations, with audit), which take precedence over
 * the configured defaults. Implemented outside the gateway; absent means configuration decides.
 */
public interface ActiveVersions {
  Optional<TaskVersion> active(String task);
}
