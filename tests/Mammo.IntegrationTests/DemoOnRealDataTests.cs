using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spectre.Console;

namespace Mammo.IntegrationTests;

/// <summary>`mammo demo` (what `./run demo` runs) on the real archive: every output exists and shows something.</summary>
public class DemoOnRealDataTests
{
    [RealDataFact]
    public void The_demo_writes_a_report_that_opens_with_the_baselines_a_heat_map_and_every_figure()
    {
        var output = Path.Combine(Path.GetTempPath(), "mammo-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var writer = new StringWriter();
            using var errors = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
            console.Profile.Width = 200;

            var code = Mammo.Cli.Program.Run(["demo", "--data", RealData.Path!, "--out", output], console, errors);

            Assert.True(code == 0, errors.ToString());
            var summary = File.ReadAllLines(Path.Combine(output, "experiment", "summary.csv"));
            Assert.Equal(4, summary.Skip(1).Count(l => l.Split(',')[5] == "complete"));
            var html = File.ReadAllText(Path.Combine(output, "report.html"));
            Assert.True(html.IndexOf("<h2 id=\"baselines\">", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"dataset\">", StringComparison.Ordinal));
            Assert.Contains("<a href=\"#cell-calc-cv-class\">", html, StringComparison.Ordinal);
            var plots = Directory.GetFiles(Path.Combine(output, "experiment", "plots"), "*.png");
            Assert.Contains(plots, p => Path.GetFileName(p) == "baselines.png");
            foreach (var png in plots.Append(Path.Combine(output, "mdb209-heatmap.png")))
            {
                using var image = Image.Load<Rgba32>(png);
                var colours = new HashSet<Rgba32>();
                image.ProcessPixelRows(rows =>
                {
                    for (var y = 0; y < rows.Height; y += 3)
                    {
                        foreach (var pixel in rows.GetRowSpan(y))
                        {
                            colours.Add(pixel);
                        }
                    }
                });
                Assert.True(colours.Count > 20, $"{png} looks blank ({colours.Count} colours)");
            }

            var text = writer.ToString();
            Assert.Contains("mdb209 is a scan of patient P105, held out by fold", text, StringComparison.Ordinal);
            Assert.Contains("held-out AUC of this run:", text, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
