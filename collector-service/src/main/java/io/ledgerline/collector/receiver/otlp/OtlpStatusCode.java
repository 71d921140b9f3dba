package io.ledgerline.collector.receiver.otlp;

/** The OTLP {@code Status.StatusCode}, in the order of its protobuf numbers. */
public enum OtlpStatusCode {
    UNSET, OK, ERROR;

    /** The code for a protobuf number; numbers this version does not know read as {@link #UNSET}. */
    static OtlpStatusCode fromNumber(long number) {
        OtlpStatusCode[] codes = values();
        return number >= 0 && number < codes.length ? codes[(int) number] : UNSET;
    }

    /** The code for an enum name as protobuf's JSON mapping writes it ({@code STATUS_CODE_ERROR}). */
    static OtlpStatusCode fromName(String name) {
        for (OtlpStatusCode code : values()) {
            if (("STATUS_CODE_" + code.name()).equals(name)) {
                return code;
            }
        }
        return UNSET;
    }
}
