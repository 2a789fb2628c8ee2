package com.carmutual.vin.decode;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** The text given is not a well-formed VIN; the message names the position and what is wrong. */
public final class InvalidVinException extends ProblemException {
  InvalidVinException(String detail, List<Problem.FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, "invalid-vin", detail, errors);
  }
}
