using ScottPlot;
using SkiaSharp;

namespace Mammo.Reporting.Figures;

/// <summary>
/// Learning curves: loss (left) and accuracy (right) per epoch, training solid and validation dashed, one colour
/// per run (per fold of a cross-validation), with the kept epoch marked on the validation loss. Side by side so a
/// validation loss turning up while the training loss keeps falling (over-fitting) reads at a glance.
/// </summary>
public static class TrainingCurvesFigure
{
    private const float TitleFontSize = 18;
    private const float PanelTitleFontSize = 14;
    private const int TitleLineHeight = 24;
    private const int TitleMargin = 16;
    private const int LegendGap = 8;
    private const float LegendSymbolWidth = 30;
    private const float CurveWidth = 2;
    private const float BestMarkerSize = 11;

    private static readonly ScottPlot.Palettes.Category10 s_palette = new();

    /// <summary>Neutral colour of the style-only legend entries (training, validation, best epoch) of several runs.</summary>
    public static Color KeyColor { get; } = Color.FromHex("#404040");

    /// <summary>Run <paramref name="index"/>'s colour (in the order the runs are given).</summary>
    public static Color RunColor(int index) => s_palette.GetColor(index);

    /// <param name="runs">One per training run, e.g. one per cross-validation fold; at least one.</param>
    public static byte[] RenderPng(string title, IReadOnlyList<CurveSet> runs, int widthPx = 1000, int heightPx = 450)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("there are no runs to draw", nameof(runs));
        }

        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run, nameof(runs));
            ArgumentNullException.ThrowIfNull(run.Epochs, nameof(runs));
        }

        using var loss = new Plot();
        using var accuracy = new Plot();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var color = RunColor(i);
            AddCurves(loss, run, color, e => e.Loss, e => e.ValidationLoss);
            AddCurves(accuracy, run, color, e => e.Accuracy, e => e.ValidationAccuracy);
            var best = run.Epochs.FirstOrDefault(e => e.Epoch == run.BestEpoch);
            if (best is not null)
            {
                loss.Add.Marker(best.Epoch, best.ValidationLoss, MarkerShape.FilledDiamond, BestMarkerSize, color);
            }

            // With several runs, one line per run would crowd the panels; the markers say enough.
            if (runs.Count == 1 && best is not null)
            {
                loss.Add.VerticalLine(best.Epoch, 1.5f, KeyColor, LinePattern.Dotted);
                accuracy.Add.VerticalLine(best.Epoch, 1.5f, KeyColor, LinePattern.Dotted);
            }
        }

        Style(loss, "loss");
        Style(accuracy, "accuracy");

        // The legend is drawn on its own, beside the panels rather than inside one: however the curves run, it
        // covers none of them.
        using var legendPlot = new Plot();
        var sans = SansName();
        var items = LegendItems(runs);
        items.ForEach(item => item.LabelFontName = sans);
        legendPlot.Legend.ManualItems.AddRange(items);
        legendPlot.Legend.FontName = sans;
        legendPlot.Legend.SymbolWidth = LegendSymbolWidth;
        using var paint = Paint.NewDisposablePaint();
        var legendWidth = (int)Math.Ceiling(legendPlot.Legend.GetLayout(new PixelSize(widthPx, heightPx), paint).LegendRect.Width) + (2 * LegendGap);

        var top = TitleMargin + (TitleLineHeight * title.Split('\n').Length);
        var panelsWidth = widthPx - legendWidth;
        var half = panelsWidth / 2;
        using var surface = SKSurface.Create(new SKImageInfo(widthPx, heightPx));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        RenderPanel(canvas, loss, new PixelRect(0, half, heightPx, top));
        RenderPanel(canvas, accuracy, new PixelRect(half, panelsWidth, heightPx, top));
        legendPlot.Legend.Render(canvas, paint, new PixelRect(panelsWidth, widthPx, heightPx, top), Alignment.MiddleLeft);

        var heading = new LabelStyle { Text = title, FontSize = TitleFontSize, Bold = true, Alignment = Alignment.UpperCenter };
        FigureStyle.UseSans(heading);
        heading.Render(canvas, new Pixel(widthPx / 2f, TitleMargin / 2f), paint, true);

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    // A plot clears the whole canvas before drawing; clipped, it clears only its own panel.
    private static void RenderPanel(SKCanvas canvas, Plot plot, PixelRect rect)
    {
        canvas.Save();
        canvas.ClipRect(rect.ToSKRect());
        plot.Render(canvas, rect);
        canvas.Restore();
    }

    private static void AddCurves(Plot plot, CurveSet run, Color color, Func<EpochPoint, double> training, Func<EpochPoint, double> validation)
    {
        if (run.Epochs.Count == 0)
        {
            return;
        }

        var epochs = run.Epochs.Select(e => (double)e.Epoch).ToArray();
        var train = plot.Add.ScatterLine(epochs, run.Epochs.Select(training).ToArray(), color);
        train.LineWidth = CurveWidth;
        var valid = plot.Add.ScatterLine(epochs, run.Epochs.Select(validation).ToArray(), color);
        valid.LineWidth = CurveWidth;
        valid.LinePattern = LinePattern.Dashed;
    }

    private static void Style(Plot plot, string quantity)
    {
        // Smaller than the figure's title, which names what both panels show.
        plot.Title(quantity, PanelTitleFontSize);
        plot.XLabel("epoch");
        plot.YLabel(quantity);

        // Epochs are whole numbers.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        FigureStyle.UseSans(plot);
    }

    // One run: its colour on the style entries. Several: a colour entry per run, then neutral style entries.
    private static List<LegendItem> LegendItems(IReadOnlyList<CurveSet> runs)
    {
        var items = new List<LegendItem>();
        Color key;
        string best;
        if (runs.Count == 1)
        {
            key = RunColor(0);
            best = runs[0].Epochs.Any(e => e.Epoch == runs[0].BestEpoch) ? $"best epoch ({runs[0].BestEpoch})" : "";
        }
        else
        {
            key = KeyColor;
            best = "best epoch";
            for (var i = 0; i < runs.Count; i++)
            {
                items.Add(new LegendItem { LabelText = runs[i].Name, LineColor = RunColor(i), LineWidth = CurveWidth * 2 });
            }
        }

        items.Add(new LegendItem { LabelText = "training", LineColor = key, LineWidth = CurveWidth });
        items.Add(new LegendItem { LabelText = "validation", LineColor = key, LineWidth = CurveWidth, LinePattern = LinePattern.Dashed });
        if (best.Length > 0)
        {
            items.Add(new LegendItem
            {
                LabelText = best,
                MarkerShape = MarkerShape.FilledDiamond,
                MarkerSize = BestMarkerSize,
                MarkerFillColor = key,
                MarkerLineColor = key,
                LineWidth = 0,
            });
        }

        return items;
    }

    // The legend takes a font name rather than a label style.
    private static string SansName()
    {
        var probe = new LabelStyle();
        FigureStyle.UseSans(probe);
        return probe.FontName;
    }
}
