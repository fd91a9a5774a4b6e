package io.mes4j.benchmarks.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with Java2D and written as a PNG by {@link ImageIO}: x on a logarithmic scale
 * (the store's size), y logarithmic too (a latency), one polyline per series, dashed horizontal
 * lines for the references (goals and anchors), a legend. Headless; no dependency.
 */
public final class Chart {
  /** A measured series: its name, colour, and one y per x of the chart. */
  public record Series(String name, Color color, double[] ys) {}

  /** A horizontal reference line: its name, colour, value, and whether it is dotted. */
  public record Reference(String name, Color color, double y, boolean dotted) {}

  private static final int WIDTH = 960;
  private static final int HEIGHT = 560;
  private static final int LEFT = 90;
  private static final int RIGHT = 330;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  private Chart() {}

  /** Draws the chart into {@code file}. */
  public static void write(
      Path file,
      String title,
      String xLabel,
      String yLabel,
      double[] xs,
      List<Series> series,
      List<Reference> references)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double maxY = 0;
    double minY = Double.MAX_VALUE;
    for (Series s : series) {
      for (double y : s.ys()) {
        if (!Double.isNaN(y) && y > 0) {
          maxY = Math.max(maxY, y);
          minY = Math.min(minY, y);
        }
      }
    }
    for (Reference r : references) {
      maxY = Math.max(maxY, r.y());
      minY = Math.min(minY, r.y());
    }
    // y on a logarithmic scale, from the power of ten below the smallest value to the one above
    // the largest: latencies of a few µs and of milliseconds side by side
    double yBottom = Math.pow(10, Math.floor(Math.log10(minY)));
    double yTop = Math.pow(10, Math.ceil(Math.log10(maxY * 1.05)));
    double yLogMin = Math.log10(yBottom);
    double yLogSpan = Math.log10(yTop) - yLogMin;
    double xMin = Math.log10(xs[0]);
    double xMax = Math.log10(xs[xs.length - 1]);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 32);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();

    // grid and y ticks
    for (double decade = yBottom; decade < yTop * 1.01; decade *= 10) {
      for (double step : new double[] {1, 2, 5}) {
        double v = decade * step;
        if (v > yTop * 1.01) {
          break;
        }
        int y = yPixel(v, yLogMin, yLogSpan, plotH);
        g.setColor(step == 1 ? new Color(215, 215, 215) : new Color(240, 240, 240));
        g.drawLine(LEFT, y, LEFT + plotW, y);
        g.setColor(Color.DARK_GRAY);
        String label = format(v);
        g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + 4);
      }
    }
    // x ticks
    for (double x : xs) {
      int px = xPixel(x, xMin, xMax, plotW);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(px, TOP, px, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%,d", (long) x).replace(',', ' ');
      g.drawString(label, px - fm.stringWidth(label) / 2, TOP + plotH + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, TOP + plotH + 42);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(TOP + plotH / 2 + fm.stringWidth(yLabel) / 2), 24);
    rotated.dispose();

    Stroke solid = new BasicStroke(2.5f);
    int legendY = TOP + 10;
    for (Reference r : references) {
      int y = yPixel(r.y(), yLogMin, yLogSpan, plotH);
      g.setColor(r.color());
      g.setStroke(
          new BasicStroke(
              1.8f,
              BasicStroke.CAP_BUTT,
              BasicStroke.JOIN_MITER,
              10f,
              r.dotted() ? new float[] {2f, 4f} : new float[] {9f, 6f},
              0f));
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 45, legendY);
      g.setStroke(solid);
      g.setColor(Color.BLACK);
      legendY = legend(g, r.name() + " (" + format(r.y()) + ")", LEFT + plotW + 52, legendY);
    }
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(solid);
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < xs.length; i++) {
        double v = s.ys()[i];
        if (Double.isNaN(v)) {
          prevX = -1;
          continue;
        }
        int px = xPixel(xs[i], xMin, xMax, plotW);
        int py = yPixel(v, yLogMin, yLogSpan, plotH);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, px, py);
        }
        g.fillOval(px - 4, py - 4, 8, 8);
        String label = format(v);
        g.drawString(label, px + 6, py - 6);
        prevX = px;
        prevY = py;
      }
      g.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 45, legendY);
      g.fillOval(LEFT + plotW + 26, legendY - 4, 8, 8);
      g.setColor(Color.BLACK);
      legendY = legend(g, s.name(), LEFT + plotW + 52, legendY);
    }
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Writes a legend's text, wrapped at 34 characters; returns the y of the next entry. */
  private static int legend(Graphics2D g, String text, int x, int y) {
    StringBuilder line = new StringBuilder();
    int at = y + 4;
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > 34 && line.length() > 0) {
        g.drawString(line.toString(), x, at);
        at += 15;
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    g.drawString(line.toString(), x, at);
    return at + 24;
  }

  private static int xPixel(double x, double xMin, double xMax, int plotW) {
    double span = xMax - xMin;
    double f = span == 0 ? 0.5 : (Math.log10(x) - xMin) / span;
    int margin = 40;
    return LEFT + margin + (int) Math.round((plotW - 2 * margin) * f);
  }

  private static int yPixel(double v, double logMin, double logSpan, int plotH) {
    double f = (Math.log10(Math.max(v, 1e-9)) - logMin) / logSpan;
    return TOP + plotH - (int) Math.round(plotH * f);
  }

  private static String format(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
