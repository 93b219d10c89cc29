using System.Globalization;
using Mammo.Imaging;
using Mammo.Learning.Inference;
using Mammo.Learning.Training;
using Mammo.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

/// <summary><c>mammo predict RUN IMAGE --at x,y,r</c>: classify one region of a mammogram with a trained run.</summary>
public sealed class PredictCommand(IAnsiConsole console) : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var model = TrainedModel.Load(new RunFolder(settings.Run));
        var image = ScanImageReader.Read(settings.Image);
        var (x, y, r) = settings.Region();
        var miasY = settings.Origin == "top-left" ? PatchGeometry.MiasY(y, image.Height) : y;
        var prediction = new RegionClassifier(model).Classify(image, x, miasY, r, !settings.NoTta);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(Json.Serialize(new
            {
                Run = Path.GetFullPath(settings.Run),
                Image = Path.GetFullPath(settings.Image),
                Task = model.Task.Name,
                prediction.X,
                Y = prediction.Y,
                ImageRow = PatchGeometry.ImageRow(prediction.Y, image.Height),
                prediction.Radius,
                prediction.Label,
                Probabilities = prediction.Classes.Zip(prediction.Probabilities).ToDictionary(p => p.First, p => p.Second),
                prediction.Variants,
                model.Models,
                model.Config.Leaky,
            }));
            return 0;
        }

        if (model.Config.Leaky)
        {
            console.MarkupLine($"[yellow]{Markup.Escape("this model was trained under the leaky seed protocol; its test numbers overstate it")}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{Path.GetFileName(settings.Image)} at x {x}, y {y} ({settings.Origin}), r {r}"))
            .AddColumn("class").AddColumn(new TableColumn("probability").RightAligned());
        foreach (var (name, probability) in prediction.Classes.Zip(prediction.Probabilities))
        {
            var text = probability.ToString("0.000", CultureInfo.InvariantCulture);
            table.AddRow(name == prediction.Label ? $"[bold]{Markup.Escape(name)}[/]" : Markup.Escape(name), name == prediction.Label ? $"[bold]{text}[/]" : text);
        }

        console.Write(table);
        console.MarkupLine($"[bold]{Markup.Escape(prediction.Label)}[/] ({model.Task.Name}; mean over {prediction.Variants} variant(s){(model.Models > 1 ? $" and {model.Models} fold models" : string.Empty)})");
        return 0;
    }
}
