package org.p1iota.camel.p1.dataformat;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.p1iota.camel.p1.P1RejectedFrameException;
import org.p1iota.camel.p1.SharedCorpus;
import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.model.Telegram;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code unmarshal().custom("p1")}: bytes to the model, JSON back; bad frames go to onException. */
class P1DataFormatTest extends CamelTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(P1RejectedFrameException.class).handled(true).to("mock:rejected");
                from("direct:parse").unmarshal().custom("p1").to("mock:telegram").marshal().custom("p1").to("mock:json");
            }
        };
    }

    @Test
    void unmarshalsTelegramsAndMarshalsJson() throws Exception {
        MockEndpoint telegrams = getMockEndpoint("mock:telegram");
        telegrams.expectedMessageCount(1);
        MockEndpoint json = getMockEndpoint("mock:json");
        json.expectedMessageCount(1);

        template.sendBody("direct:parse", SharedCorpus.bytes(SharedCorpus.dsmr().resolve("ndokter-telegram-v5.telegram")));

        MockEndpoint.assertIsSatisfied(context);
        Telegram telegram = telegrams.getExchanges().get(0).getIn().getBody(Telegram.class);
        assertThat(telegram.p1Version()).isEqualTo("50");
        assertThat(json.getExchanges().get(0).getIn().getBody(String.class)).contains("\"energyImportTariff1\":4.426");
    }

    @Test
    void severalTelegramsGiveAList() {
        String json = template.requestBody("direct:parse",
                SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("two-telegrams-back-to-back.bin")), String.class);
        List<Exchange> received = getMockEndpoint("mock:telegram").getExchanges();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getIn().getBody(List.class)).hasSize(2);
        assertThat(json.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"header\""));
    }

    @Test
    void aBadCrcGoesToExceptionHandlingWithReasonAndOffset() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);
        getMockEndpoint("mock:telegram").expectedMessageCount(0);

        template.sendBody("direct:parse", SharedCorpus.bytes(SharedCorpus.dsmrBad().resolve("bad-crc-digit.bin")));

        MockEndpoint.assertIsSatisfied(context);
        P1RejectedFrameException e = rejected.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, P1RejectedFrameException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.CRC_MISMATCH);
        assertThat(e.offset()).isZero();
        assertThat(e.raw()).startsWith((byte) '/');
        assertThat(e.getMessage()).contains("9DF1").contains("9DF0");
    }
}
