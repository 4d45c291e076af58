package org.p1iota.app.web;

/**
 * A consent link whose address and key the provider's own origin confirmed: what the consent page
 * shows and what a grant may use.
 *
 * @param link     the consent link as received
 * @param origin   the provider's web origin, from the return URL
 * @param metadata what the origin publishes
 */
public record VerifiedProvider(ConsentLink link, String origin, ProviderMetadata metadata) {

    public String name() {
        return metadata.name();
    }

    public String fingerprint() {
        return metadata.publicKeyFingerprint();
    }
}
