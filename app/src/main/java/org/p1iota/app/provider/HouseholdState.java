package org.p1iota.app.provider;

import java.util.Locale;

/** Where a consent request stands, as the API names it ({@code waiting_for_keys}, ...). */
public enum HouseholdState {
    /** Created; the household has not granted yet, or MAM_DATA is still on its way. */
    WAITING_FOR_KEYS,
    /** MAM_DATA opened; the data channel is followed. */
    RECEIVING,
    /** A KEY_ROTATION left this provider out: nothing after it can be read. */
    REVOKED,
    /** The consent reached its end date: a KEY_ROTATION then left this provider out. */
    ENDED,
    /** No keys arrived within {@code provider.request-ttl-minutes}: the inbox is no longer watched. */
    EXPIRED,
    /** The household said no on the consent page (the page reports it; kept for the API's vocabulary). */
    DENIED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HouseholdState parse(String apiName) {
        return valueOf(apiName.toUpperCase(Locale.ROOT));
    }
}
