package org.p1iota.app.myhome.energy;

import java.util.Map;

import org.apache.camel.spi.PropertiesSource;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeException;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;

/**
 * My Home as the holder of its own grants: inbox and envelope key pair at index {@value #INDEX} of its
 * seed (index 0 is its pairing inbox), derived again on every start, nothing stored. As a properties
 * source it gives routes/myhome.yaml {@code {{myhome.own-inbox}}}. Nothing secret is in the properties.
 */
public final class OwnIdentity implements PropertiesSource {

    public static final int INDEX = 1;
    public static final String OWN_INBOX = "myhome.own-inbox";
    public static final String NAME = "My Home";
    public static final String GOAL = "Show the household its own energy use (My Home reads its own device)";

    private final String inbox;
    private final EnvelopeKeyPair keyPair;
    private final String origin;

    public OwnIdentity(Seed seed, String origin) {
        this.inbox = InboxAddress.at(seed, INDEX);
        try {
            this.keyPair = EnvelopeKeys.derive(EnvelopeScheme.ML_KEM_768, seed.trytes(), INDEX);
        } catch (EnvelopeException e) {
            throw new IllegalStateException("cannot derive My Home's own key pair: " + e.getMessage(), e);
        }
        this.origin = origin;
    }

    public String inbox() {
        return inbox;
    }

    EnvelopeKeyPair keyPair() {
        return keyPair;
    }

    /** The "provider" of an own grant for one device: a consent request id per device. */
    public ProviderIdentity providerIdentity(String device) {
        return new ProviderIdentity(NAME, origin, "myhome-own-" + device.substring(0, 40), inbox,
                keyPair.publicKey().toBase64Url(), keyPair.publicKey().fingerprint());
    }

    /** Inbox and key both My Home's own: a provider cannot make its grant look like one by its name. */
    public boolean owns(ProviderIdentity provider) {
        return provider.inbox().equals(inbox) && provider.publicKey().equals(keyPair.publicKey().toBase64Url());
    }

    @Override
    public String getName() {
        return "myhome-own-identity";
    }

    @Override
    public String getProperty(String name) {
        return Map.of(OWN_INBOX, inbox).get(name);
    }
}
