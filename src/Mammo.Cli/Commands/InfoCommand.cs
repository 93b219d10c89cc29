using Mammo.Cli.Infrastructure;
using Mammo.Data;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo info</c>: what is in the data, and what was left out and why.</summary>
public sealed class InfoCommand(IAnsiConsole console) : Command<InfoSettings>
{
    public override int Execute(CommandContext context, InfoSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var summary = DatasetSummary.Of(DataLocator.Load(settings));
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json.Serialize(summary));
            return 0;
        }

        var format = summary.Format switch
        {
            DatasetFormat.Mias => "mini-MIAS",
            DatasetFormat.Manifest => "manifest",
            DatasetFormat.CbisDdsm => "CBIS-DDSM",
            _ => summary.Format.ToString(),
        };
        console.Write(new Rule($"[bold]{format}[/] {Markup.Escape(summary.Source)}").LeftJustified());
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string what, object count) => counts.AddRow(Markup.Escape(what), count.ToString()!);
        Row(summary.Format == DatasetFormat.Mias ? "scans" : "images", summary.Scans);
        Row("patients", summary.Patients);
        Row(summary.Format == DatasetFormat.Mias ? "label rows (Info.txt)" : "label rows", summary.LabelRows);
        Row(summary.Format == DatasetFormat.Mias ? "normal scans" : "normal images", summary.NormalScans);
        Row(summary.Format == DatasetFormat.Mias ? "abnormal scans" : "abnormal images", summary.AbnormalScans);
        Row("lesions (abnormal rows)", summary.Lesions);
        Row("lesions with location", $"{summary.LesionsWithLocation} ({summary.BenignWithLocation} B, {summary.MalignantWithLocation} M)");
        Row("lesions without location", $"{summary.Lesions - summary.LesionsWithLocation} ({string.Join(", ", summary.LesionsWithoutLocation)})");
        Row("excluded records", summary.Excluded.Count);
        console.Write(counts);

        var classes = new Table().Border(TableBorder.Rounded).Title("lesions by class and severity")
            .AddColumn("class").AddColumn(new TableColumn("B").RightAligned()).AddColumn(new TableColumn("M").RightAligned()).AddColumn(new TableColumn("total").RightAligned());
        foreach (var (cls, bySeverity) in summary.ClassBySeverity)
        {
            classes.AddRow(cls, bySeverity["B"].ToString(), bySeverity["M"].ToString(), (bySeverity["B"] + bySeverity["M"]).ToString());
        }

        var tissue = new Table().Border(TableBorder.Rounded).Title("scans by background tissue").AddColumn("tissue").AddColumn(new TableColumn("scans").RightAligned());
        foreach (var (code, count) in summary.ScansByTissue)
        {
            tissue.AddRow(code switch { "F" => "F fatty", "G" => "G fatty-glandular", "D" => "D dense-glandular", _ => "- not given" }, count.ToString());
        }

        console.Write(new Columns(classes, tissue).Collapse());
        if (summary.Excluded.Count > 0)
        {
            console.MarkupLine("[yellow]excluded:[/]");
            foreach (var issue in summary.Excluded)
            {
                console.MarkupLine($"  {Markup.Escape(issue.ToString())}");
            }
        }

        return 0;
    }
}
