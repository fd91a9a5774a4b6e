package io.mes4j.agenda;

import io.mes4j.core.error.InvalidValueException;

/** The status of an appointment (AG-1), with its FHIR {@code Appointment.status} code. */
public enum AppointmentStatus {
  /** Booked: the appointment is to take place. */
  BOOKED("booked"),
  /** Cancelled by the holder, the professional or a paired service. */
  CANCELLED("cancelled"),
  /** It took place. */
  FULFILLED("fulfilled"),
  /** The patient did not come. */
  NO_SHOW("noshow");

  private final String code;

  AppointmentStatus(String code) {
    this.code = code;
  }

  /** The FHIR code: {@code booked}, {@code cancelled}, {@code fulfilled} or {@code noshow}. */
  public String code() {
    return code;
  }

  /**
   * The status of a FHIR code.
   *
   * @throws InvalidValueException if the code is none of the four
   */
  public static AppointmentStatus fromCode(String code) {
    for (AppointmentStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new InvalidValueException("unknown appointment status: " + code);
  }
}
