package org.p1iota.app.myhome;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.pairing.ChallengeBook;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.pairing.PairingException;
import org.p1iota.app.consent.policy.DeviceAuthorizations;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;

/**
 * The device's side of the consent protocol, as the device role will run it, on real {@code iota:}
 * and {@code iota-mam:} endpoints: answers claims on its inbox with {@link DevicePairing}, and once
 * paired follows My Home's event channel and folds it with {@link DeviceAuthorizations}.
 */
final class SimulatedDevice implements AutoCloseable {

    final String address;
    final PairingCode code;
    final List<ChannelEvent> events = Collections.synchronizedList(new ArrayList<>());
    volatile DeviceAuthorizations view;
    private final CamelContext camel = new DefaultCamelContext();
    private final ProtocolCodec inboxCodec = ProtocolCodec.forInbox();
    private final ProtocolCodec channelCodec = new ProtocolCodec();
    private final DevicePairing pairing;
    private final String node;
    private final String state;

    SimulatedDevice(Path stateDirectory, int nodePort, int mwm) throws Exception {
        SecureRandom random = new SecureRandom();
        address = InboxAddress.of(Seed.generate(random));
        code = PairingCode.generate(random);
        view = DeviceAuthorizations.initial(address);
        pairing = new DevicePairing(address, code, new ChallengeBook(random, Clock.systemUTC()), Clock.systemUTC(), random);
        node = "nodeUrl=http://127.0.0.1:" + nodePort + "&minWeightMagnitude=" + mwm + "&localPow=true";
        state = "stateDirectory=" + stateDirectory;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iota:" + address + "?delay=250&" + state + "&" + node).process(SimulatedDevice.this::onInbox);
                from("iota-mam:home?delay=250&" + state + "&" + node).process(e ->
                        onEvent(channelCodec.decode(e.getMessage().getBody(String.class), ChannelEvent.class)));
            }
        });
        camel.start();
    }

    private void onInbox(Exchange exchange) throws Exception {
        InboxMessage message = inboxCodec.decode(exchange.getMessage().getBody(String.class), InboxMessage.class);
        ProducerTemplate out = camel.createProducerTemplate();
        try {
            if (message instanceof ClaimDevice claim) {
                DevicePairing.Reply<?> reply = pairing.onClaim(claim);
                reply(out, reply.sendTo(), (InboxMessage) reply.message());
            } else if (message instanceof AnswerChallenge answer) {
                DevicePairing.Verdict verdict = pairing.onAnswer(answer);
                if (verdict.pairedHome().isPresent()) {
                    // follow My Home's event channel from the root it sealed for us (private mode)
                    out.send("iota-mam:home?" + state, e -> {
                        e.getMessage().setHeader(IotaMamConstants.OPERATION, IotaMamOperation.subscribe);
                        e.getMessage().setHeader(IotaMamConstants.ROOT, verdict.pairedHome().get().eventChannelRoot());
                        e.getMessage().setHeader(IotaMamConstants.MODE, "private");
                    });
                }
                reply(out, verdict.sendTo(), verdict.result());
            }
        } catch (PairingException dropped) {
            // as the device does: a message it cannot place is dropped
        }
    }

    private void reply(ProducerTemplate out, String to, InboxMessage message) {
        out.sendBodyAndHeader("iota:" + address + "?" + node, inboxCodec.encode(message), IotaConstants.ADDRESS, to);
    }

    private void onEvent(ChannelEvent event) {
        events.add(event);
        view = view.apply(event).next();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
