using Mammo.Data;
using Mammo.Imaging;
using ScottPlot;

namespace Mammo.Reporting.Figures;

/// <summary>
/// One scan as a viewer shows it (row 0 at the top, axes in image pixels, square units), each located lesion
/// circled at its MIAS centre with its radius and labelled with class and severity, coloured by severity
/// (<see cref="FigureStyle.Benign"/>, <see cref="FigureStyle.Malignant"/>). The title names the scan, its
/// tissue, "normal" for a normal scan, and every lesion Info.txt gives no centre for.
/// </summary>
public static class ScanFigure
{
    private const int PadLeft = 64;
    private const int PadRight = 24;
    private const int PadBottom = 52;
    private const int TitleLineHeight = 24;
    private const int TitleMargin = 20;
    private const float TitleFontSize = 18;
    private const float LesionFontSize = 15;
    private const float RegionFontSize = 13;
    private const float CircleWidth = 2.5f;

    // A calcification cluster can be a few pixels across; below this many figure pixels a circle hides under its stroke.
    private const double MinimumCirclePx = 6;

    public static byte[] RenderPng(GrayImage scan, Scan labels, int widthPx = 1000) => RenderPng(scan, labels, [], widthPx);

    /// <summary>
    /// As <see cref="RenderPng(GrayImage, Scan, int)"/>, and also outlines, dashed, the square each of
    /// <paramref name="regions"/> is cut from (e.g. a normal scan's region), labelled with its origin id.
    /// </summary>
    public static byte[] RenderPng(GrayImage scan, Scan labels, IReadOnlyList<PatchOrigin> regions, int widthPx = 1000) =>
        RenderPng(scan, labels, regions, new Dictionary<int, string>(), widthPx);

    /// <summary>
    /// As <see cref="RenderPng(GrayImage, Scan, IReadOnlyList{PatchOrigin}, int)"/>, with a note (e.g. a predicted
    /// probability) after the label of each lesion whose index is a key of <paramref name="notes"/>.
    /// </summary>
    public static byte[] RenderPng(GrayImage scan, Scan labels, IReadOnlyList<PatchOrigin> regions, IReadOnlyDictionary<int, string> notes, int widthPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(notes);
        var layout = Layout(scan, labels, widthPx);
        using var plot = new Plot();
        using var bitmap = FigureStyle.ToImage(scan.Pixels, scan.Width, scan.Height);

        // The row axis runs downwards (bottom = Height, top = 0), so the bitmap's row 0 lands at the top, as in
        // a viewer; MIAS centres, counted from the bottom, are converted with PatchGeometry.ImageRow below.
        plot.Add.ImageRect(bitmap, new CoordinateRect(0, scan.Width, scan.Height, 0));
        plot.Axes.SetLimits(0, scan.Width, scan.Height, 0);

        // Fixed padding instead of SquareUnits: the figure height is chosen so the data area has the image's
        // aspect ratio, which keeps units square without an axis rule (those mishandle an inverted axis).
        plot.Layout.Fixed(new PixelPadding(layout.Left, PadRight, PadBottom, layout.Top));
        plot.XLabel("column (px)");
        plot.YLabel("row (px, from the top)");
        plot.Title(string.Join('\n', TitleLines(labels)), TitleFontSize);
        plot.HideGrid();

        var several = labels.Lesions.Count > 1;
        var marks = labels.Lesions
            .Where(l => l.Location is not null)
            .Select(l => (Lesion: l, Circle: new Circle(l.Location!.Value.X, PatchGeometry.ImageRow(l.Location.Value.Y, scan.Height),
                Math.Max(l.Location.Value.Radius, MinimumCirclePx / layout.Scale))))
            .ToList();
        var squares = regions.Select(r => (Region: r, Square: PatchGeometry.Square(r.X, PatchGeometry.ImageRow(r.Y, scan.Height), r.Radius))).ToList();

        foreach (var (_, (left, top, side)) in squares)
        {
            var square = plot.Add.Rectangle(left, left + side, top + side, top);
            square.LineColor = FigureStyle.Region;
            square.LineWidth = 2;
            square.LinePattern = LinePattern.Dashed;
            square.FillColor = Colors.Transparent;
        }

        foreach (var (lesion, circle) in marks)
        {
            var outline = plot.Add.Circle(circle.Column, circle.Row, circle.Radius);
            outline.LineColor = FigureStyle.Of(lesion.Severity);
            outline.LineWidth = CircleWidth;
            outline.FillColor = Colors.Transparent;
        }

        // Lesion labels first: they matter most, so they get the best places.
        var placer = new LabelPlacer(plot, layout, [.. marks.Select(m => m.Circle)]);
        foreach (var (lesion, circle) in marks)
        {
            // White on a darkened severity colour: readable on any tissue, yet never the circle's exact colour
            // (tests find circles by it).
            var text = notes.TryGetValue(lesion.Index, out var note) ? $"{LesionLabel(lesion, several)} · {note}" : LesionLabel(lesion, several);
            var label = placer.Add(text, circle.Bounds, circle, LesionFontSize);
            label.LabelBold = true;
            label.LabelFontColor = Colors.White;
            label.LabelBackgroundColor = FigureStyle.Of(lesion.Severity).Darken(0.45).WithAlpha(0.85);
        }

        foreach (var (region, (left, top, side)) in squares)
        {
            var label = placer.Add(region.Id, new Bounds(left, top, left + side, top + side), null, RegionFontSize);
            // Lighter than the outline, so the outline's exact colour marks only the square (tests find it by that).
            label.LabelFontColor = FigureStyle.Region.Lighten(0.5);
            label.LabelBackgroundColor = Colors.Black.WithAlpha(0.6);
        }

        FigureStyle.UseSans(plot);
        return plot.GetImageBytes(layout.Width, layout.Height, ImageFormat.Png);
    }

    /// <summary>The figure's size and where the scan sits in it; the PNG is <paramref name="widthPx"/> wide.</summary>
    public static ScanFigureLayout Layout(GrayImage scan, Scan labels, int widthPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, PadLeft + PadRight + 100);
        if (scan.Width < 1 || scan.Height < 1)
        {
            throw new ArgumentException("the scan has no pixels", nameof(scan));
        }

        var dataWidth = widthPx - PadLeft - PadRight;
        var dataHeight = Math.Max(1, (int)Math.Round((double)dataWidth * scan.Height / scan.Width));
        var top = TitleMargin + (TitleLineHeight * TitleLines(labels).Count);
        return new ScanFigureLayout(widthPx, top + dataHeight + PadBottom, PadLeft, top, dataWidth, dataHeight, scan.Width, scan.Height);
    }

    /// <summary>"CIRC B", or "#1 CIRC B" when the scan has several lesions (the index is the patch id's: mdb005-1).</summary>
    public static string LesionLabel(Lesion lesion, bool several)
    {
        ArgumentNullException.ThrowIfNull(lesion);
        var code = $"{lesion.Class.Code()} {lesion.Severity.Code()}";
        return several ? $"#{lesion.Index} {code}" : code;
    }

    private static List<string> TitleLines(Scan labels)
    {
        var state = labels.IsNormal ? "normal"
            : labels.Lesions.Count == 1 ? "1 lesion"
            : $"{labels.Lesions.Count} lesions";
        var lines = new List<string> { $"{labels.Id} · {labels.Tissue.Name()} tissue ({labels.Tissue.Code()}) · {state}" };
        var several = labels.Lesions.Count > 1;
        lines.AddRange(labels.Lesions
            .Where(l => l.Location is null)
            .Select(l => $"{LesionLabel(l, several)}: no location{(l.Note is null ? string.Empty : $" ({l.Note})")}"));
        return lines;
    }

    /// <summary>An image-space rectangle (row downwards).</summary>
    private readonly record struct Bounds(double Left, double Top, double Right, double Bottom);

    private readonly record struct Circle(double Column, double Row, double Radius)
    {
        public Bounds Bounds => new(Column - Radius, Row - Radius, Column + Radius, Row + Radius);
    }

    /// <summary>An axis-aligned box in figure pixels (y downwards).</summary>
    private readonly record struct PixelBox(double Left, double Top, double Right, double Bottom)
    {
        public bool Contains(PixelBox other) =>
            other.Left >= Left && other.Right <= Right && other.Top >= Top && other.Bottom <= Bottom;

        public bool Overlaps(PixelBox other) =>
            Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        public bool Touches(double x, double y, double radius)
        {
            var dx = x - Math.Clamp(x, Left, Right);
            var dy = y - Math.Clamp(y, Top, Bottom);
            return (dx * dx) + (dy * dy) < radius * radius;
        }
    }

    /// <summary>
    /// Puts each label beside what it names: above it if that stays inside the image and clear of the circles
    /// and the labels already placed; else below, right, left; above when nothing is clear. Label sizes are
    /// estimated from the character count, which is close enough to keep them apart.
    /// </summary>
    private sealed class LabelPlacer(Plot plot, ScanFigureLayout layout, List<Circle> circles)
    {
        private const float Padding = 3;
        private const float Gap = 4;
        private readonly List<PixelBox> _placed = [];

        public ScottPlot.Plottables.Text Add(string text, Bounds anchor, Circle? own, float fontSize)
        {
            var (left, top) = layout.ToFigure(anchor.Left, anchor.Top);
            var (right, bottom) = layout.ToFigure(anchor.Right, anchor.Bottom);
            var (midX, midY) = ((left + right) / 2, (top + bottom) / 2);
            var width = (text.Length * fontSize * 0.68) + (2 * Padding);
            var height = (fontSize * 1.3) + (2 * Padding);
            var (column, row) = ((anchor.Left + anchor.Right) / 2, (anchor.Top + anchor.Bottom) / 2);
            var candidates = new (PixelBox Box, Alignment Alignment, double Column, double Row, float OffsetX, float OffsetY)[]
            {
                (new(midX - (width / 2), top - Gap - height, midX + (width / 2), top - Gap), Alignment.LowerCenter, column, anchor.Top, 0, -Gap),
                (new(midX - (width / 2), bottom + Gap, midX + (width / 2), bottom + Gap + height), Alignment.UpperCenter, column, anchor.Bottom, 0, Gap),
                (new(right + Gap, midY - (height / 2), right + Gap + width, midY + (height / 2)), Alignment.MiddleLeft, anchor.Right, row, Gap, 0),
                (new(left - Gap - width, midY - (height / 2), left - Gap, midY + (height / 2)), Alignment.MiddleRight, anchor.Left, row, -Gap, 0),
            };
            var dataArea = new PixelBox(layout.Left, layout.Top, layout.Left + layout.DataWidth, layout.Top + layout.DataHeight);
            var chosen = Array.Find(candidates, c => dataArea.Contains(c.Box)
                && !_placed.Any(p => p.Overlaps(c.Box))
                && !circles.Any(m => m != own && Touches(c.Box, m)));
            if (chosen == default)
            {
                chosen = candidates[0];
            }

            _placed.Add(chosen.Box);
            var label = plot.Add.Text(text, chosen.Column, chosen.Row);
            label.Alignment = chosen.Alignment;
            label.OffsetX = chosen.OffsetX;
            label.OffsetY = chosen.OffsetY;
            label.LabelFontSize = fontSize;
            label.LabelPadding = Padding;
            FigureStyle.UseSans(label.LabelStyle);
            return label;
        }

        private bool Touches(PixelBox box, Circle circle)
        {
            var (x, y) = layout.ToFigure(circle.Column, circle.Row);
            return box.Touches(x, y, circle.Radius * layout.Scale);
        }
    }
}
