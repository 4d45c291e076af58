package org.p1iota.app.web;

/** Why a consent link was refused, with the HTTP status and a message the household can act on. */
public final class ConsentLinkException extends Exception {

    public enum Reason {
        /** A parameter is missing or malformed. */
        MALFORMED(400, "consent_link_malformed"),
        /** The return URL is not an http(s) URL with a host. */
        RETURN_URL_NOT_HTTP(400, "return_url_not_http"),
        /** The provider's origin is not one My Home fetches from (private network, port): nothing was fetched. */
        ORIGIN_NOT_ALLOWED(403, "provider_origin_not_allowed"),
        /** The provider's metadata could not be fetched in time. */
        METADATA_UNREACHABLE(502, "provider_unreachable"),
        /** The provider answered, but not with valid metadata. */
        METADATA_INVALID(502, "provider_metadata_invalid"),
        /** The link's inbox address is not the one the provider publishes. */
        ADDRESS_MISMATCH(403, "provider_address_mismatch"),
        /** The link's public key is not the one the provider publishes. */
        KEY_MISMATCH(403, "provider_key_mismatch"),
        /** The published fingerprint is not the fingerprint of the published key. */
        FINGERPRINT_MISMATCH(403, "provider_fingerprint_mismatch"),
        /** A redirect would leave the verified provider's origin. */
        REDIRECT_NOT_ALLOWED(403, "redirect_not_allowed");

        private final int status;
        private final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ConsentLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ConsentLinkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
