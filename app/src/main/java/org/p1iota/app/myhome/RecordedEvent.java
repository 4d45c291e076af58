package org.p1iota.app.myhome;

import org.p1iota.app.consent.message.ChannelEvent;

/**
 * One message of My Home's event channel as the household's state knows it.
 *
 * @param sequence its position on the channel, from 1
 * @param root     the MAM root it was published at
 */
public record RecordedEvent(int sequence, ChannelEvent event, String root) {
}
