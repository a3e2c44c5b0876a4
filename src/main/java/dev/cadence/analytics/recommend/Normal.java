package dev.cadence.analytics.recommend;

/**
 * The standard normal distribution: its CDF and quantile, to double precision. Written out rather
 * than pulled from a maths library because the two functions are all the tests need (~50 lines
 * against a 2 MB dependency); the tests check them against reference values.
 */
public final class Normal {
  private static final double SQRT_2PI = 2.5066282746310002;

  private Normal() {}

  /**
   * P(Z <= x). Hart's algorithm 5666 as given by G. West, "Better approximations to cumulative
   * normal functions" (2005), with a longer continued fraction in the far tail: the tails are
   * computed directly (no 1 - x cancellation), so tiny p-values keep ten significant digits.
   */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double a = Math.abs(x);
    double tail;
    if (a > 38.5) {
      tail = 0; // below the smallest double
    } else {
      double e = Math.exp(-a * a / 2);
      if (a < 7.07106781186547) {
        double num = 3.52624965998911E-02 * a + 0.700383064443688;
        num = num * a + 6.37396220353165;
        num = num * a + 33.912866078383;
        num = num * a + 112.079291497871;
        num = num * a + 221.213596169931;
        num = num * a + 220.206867912376;
        double den = 8.83883476483184E-02 * a + 1.75566716318264;
        den = den * a + 16.064177579207;
        den = den * a + 86.7807322029461;
        den = den * a + 296.564248779674;
        den = den * a + 637.333633378831;
        den = den * a + 793.826512519948;
        den = den * a + 440.413735824752;
        tail = e * num / den;
      } else {
        // Laplace's continued fraction for the Mills ratio; West's five terms give 8 digits at
        // x = 8, forty give them all.
        double cf = a;
        for (int k = 40; k >= 1; k--) {
          cf = a + k / cf;
        }
        tail = e / cf / SQRT_2PI;
      }
    }
    return x > 0 ? 1 - tail : tail;
  }

  /** The x with P(Z <= x) = p, for 0 < p < 1 (Acklam's rational approximation, one Halley step). */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(
          "a probability strictly between 0 and 1 is needed, not " + p);
    }
    double x;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = tailQuantile(q);
    } else if (p > 1 - 0.02425) {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x = -tailQuantile(q);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                                  + 1.383577518672690e+02)
                              * r
                          - 3.066479806614716e+01)
                      * r
                  + 2.506628277459239e+00)
              * q
              / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
                                          - 1.556989798598866e+02)
                                      * r
                                  + 6.680131188771972e+01)
                              * r
                          - 1.328068155288572e+01)
                      * r
                  + 1);
    }
    // Acklam's 1e-9 relative error, refined to full precision with the exact CDF.
    double err = cdf(x) - p;
    double u = err * SQRT_2PI * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
  }

  private static double tailQuantile(double q) {
    return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                            - 2.549732539343734e+00)
                        * q
                    + 4.374664141464968e+00)
                * q
            + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00)
                * q
            + 1);
  }
}
