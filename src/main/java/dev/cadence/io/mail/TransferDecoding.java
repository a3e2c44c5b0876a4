package dev.cadence.io.mail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Content-Transfer-Encoding decoders (RFC 2045) that never fail: a base64 decoder that skips
 * characters outside its alphabet and stops at padding, a quoted-printable decoder that keeps a
 * malformed {@code =} as it is. Mail in the wild breaks both rules often.
 */
final class TransferDecoding {
  private static final byte[] BASE64 = new byte[256];

  static {
    Arrays.fill(BASE64, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64[alphabet.charAt(i)] = (byte) i;
    }
    BASE64['-'] = 62; // the URL-safe alphabet, which some encoders use by mistake
    BASE64['_'] = 63;
  }

  private TransferDecoding() {}

  static byte[] base64(byte[] in, int from, int to) {
    byte[] out = new byte[(to - from) * 3 / 4 + 3];
    int n = 0;
    int bits = 0;
    int count = 0;
    for (int i = from; i < to; i++) {
      int b = in[i] & 0xff;
      if (b == '=') {
        break;
      }
      int v = BASE64[b];
      if (v < 0) {
        continue;
      }
      bits = (bits << 6) | v;
      if (++count == 4) {
        out[n++] = (byte) (bits >> 16);
        out[n++] = (byte) (bits >> 8);
        out[n++] = (byte) bits;
        bits = 0;
        count = 0;
      }
    }
    if (count == 2) {
      out[n++] = (byte) (bits >> 4);
    } else if (count == 3) {
      out[n++] = (byte) (bits >> 10);
      out[n++] = (byte) (bits >> 2);
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Quoted-printable; with {@code underscoreIsSpace} the "Q" encoding of RFC 2047 headers, where
   * {@code _} stands for a space.
   */
  static byte[] quotedPrintable(byte[] in, int from, int to, boolean underscoreIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      int b = in[i] & 0xff;
      if (b == '=') {
        if (i + 1 < to && in[i + 1] == '\n') {
          i += 1; // soft line break
          continue;
        }
        if (i + 2 < to && in[i + 1] == '\r' && in[i + 2] == '\n') {
          i += 2;
          continue;
        }
        int hi = i + 2 < to ? Character.digit(in[i + 1], 16) : -1;
        int lo = i + 2 < to ? Character.digit(in[i + 2], 16) : -1;
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
        // trailing blanks before a soft break: "=  \n"
        int j = i + 1;
        while (j < to && (in[j] == ' ' || in[j] == '\t')) {
          j++;
        }
        if (j < to && (in[j] == '\n' || in[j] == '\r')) {
          i = in[j] == '\r' && j + 1 < to && in[j + 1] == '\n' ? j + 1 : j;
          continue;
        }
        out.write(b);
      } else if (b == '_' && underscoreIsSpace) {
        out.write(' ');
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
