using System.Security.Cryptography;
using Spectre.Console;

namespace Mammo.IntegrationTests;

public class CliOnRealDataTests
{
    [RealDataFact]
    public void Mammo_patches_writes_2608_pngs_and_a_manifest_and_leaves_the_archive_untouched()
    {
        var before = SHA256.HashData(File.ReadAllBytes(RealData.Path!));
        var output = Path.Combine(Path.GetTempPath(), "mammo-it-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var writer = new StringWriter();
            using var errors = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });

            var code = Mammo.Cli.Program.Run(["patches", "--data", RealData.Path!, "--out", output], console, errors);

            Assert.True(code == 0, errors.ToString());
            Assert.Equal(2608, Directory.EnumerateFiles(output, "*.png").Count());
            var manifest = File.ReadAllLines(Path.Combine(output, "manifest.csv"));
            Assert.Equal(2609, manifest.Length);
            // The films without a patch (mdb059 and the three *NOTE scans) each have a partner film that has one.
            Assert.Equal(161, manifest.Skip(1).Select(l => l.Split(',')[2]).Distinct().Count());
            Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(RealData.Path!)));
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
