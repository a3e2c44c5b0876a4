package dev.cadence.simulate;

import dev.cadence.model.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How leads respond to touches, per channel, with the multipliers that rehearse what-if questions.
 */
public record ResponseModel(Map<Channel, ChannelModel> channels, Multipliers multipliers) {
  public ResponseModel {
    EnumMap<Channel, ChannelModel> copy = new EnumMap<>(Channel.class);
    copy.putAll(channels);
    channels = Collections.unmodifiableMap(copy);
  }

  public ChannelModel channel(Channel channel) {
    return channels.getOrDefault(channel, ChannelModel.SILENT);
  }
}
