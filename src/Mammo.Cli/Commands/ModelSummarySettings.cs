using System.ComponentModel;
using Mammo.Learning.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli.Commands;

public sealed class ModelSummarySettings : CommandSettings
{
    // null! here and below: Spectre sets every option, from [DefaultValue] when it is not given; the attribute is the one statement of the default.
    [CommandOption("-n|--name <NAME>")]
    [Description("Network from the registry (mammo model list; 'seed' is the former name of keras).")]
    [DefaultValue(ModelRegistry.DefaultName)]
    public string Name { get; init; } = null!;

    [CommandOption("--classes <N>")]
    [Description("Output classes (2 for benign/malignant, 3 for normal/benign/malignant).")]
    [DefaultValue(2)]
    public int Classes { get; init; }

    public override ValidationResult Validate() =>
        Classes < 2 ? ValidationResult.Error("--classes must be at least 2") : ValidationResult.Success();
}
