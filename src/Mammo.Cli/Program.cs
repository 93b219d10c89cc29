using System.Runtime.InteropServices;
using Mammo.Cli.Commands;
using Mammo.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mammo.Cli;

/// <summary>The <c>mammo</c> command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // The first Ctrl+C (or a scheduler's SIGTERM) asks the command to stop cleanly: it removes its temporary
        // outputs and exits 130. A second Ctrl+C ends the process at once.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        return Run(args, AnsiConsole.Console, Console.Error, cancel.Token);
    }

    /// <summary>
    /// Runs one command against <paramref name="console"/>; exit code 0 on success. A failure the user can fix
    /// is one plain line on <paramref name="errors"/> (unwrapped, so scripts can read it); a bug keeps its stack
    /// trace and exits <see cref="CommandErrors.InternalError"/>.
    /// </summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("mammo");
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.AddCommand<DownloadCommand>("download")
                .WithDescription("Download the official mini-MIAS archive into ./data, with a progress bar, and check it.")
                .WithExample("download");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("The study on the real data in a few minutes: a quick experiment, its report, a heat map of a held-out scan.")
                .WithExample("demo", "--data", "all-mias.tar.gz");
            config.AddCommand<InfoCommand>("info")
                .WithDescription("Count scans, patients, lesions by class and severity, tissue, and excluded records.")
                .WithExample("info", "--data", "all-mias.tar.gz")
                .WithExample("info", "--json");
            config.AddCommand<ShowCommand>("show")
                .WithDescription("Draw a scan with each abnormality circled and labelled, and a gallery of one lesion's variants.")
                .WithExample("show", "mdb005", "--out", "mdb005.png")
                .WithExample("show", "mdb005", "--out", "mdb005.png", "--lesion", "1", "--variants", "original");
            config.AddCommand<PatchesCommand>("patches")
                .WithDescription("Cut 48×48 patches around every lesion (and normal scans), augment them, write PNGs and a manifest.")
                .WithExample("patches", "--out", "patches")
                .WithExample("patches", "--out", "original-patches", "--variants", "original");
            config.AddBranch("model", model =>
            {
                model.SetDescription("The networks: list them, or print one's layers like Keras' summary().");
                model.AddCommand<ModelListCommand>("list").WithDescription("The networks --model accepts.");
                model.AddCommand<ModelSummaryCommand>("summary").WithDescription("Layers, output shapes and parameter counts.")
                    .WithExample("model", "summary", "--name", "keras", "--classes", "3");
            });
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train a CNN and evaluate it on held-out patients (or by k-fold, or the original's leaky protocol).")
                .WithExample("train", "--task", "calc")
                .WithExample("train", "--task", "mass", "--protocol", "cv", "--balancing", "weights")
                .WithExample("train", "--resume", "runs/calc-patient-class-keras-s0");
            config.AddCommand<BaselinesCommand>("baselines").WithDescription("Score the baselines (prevalence, radius, metadata, image features) alone, on the split mammo train would use.").WithExample("baselines", "--task", "all", "--protocol", "cv", "--folds", "5");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Print a finished run's classification report, confusion matrix, AUC with 95% CI, sensitivity and specificity.")
                .WithExample("evaluate", "runs/calc-patient-class-keras-s0")
                .WithExample("evaluate", "runs/calc-patient-class-keras-s0", "--no-tta");
            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Classify a region of a mammogram (--at x,y,r), or map the whole breast into a heat map with its most suspicious regions.")
                .WithExample("predict", "runs/calc-patient-class-keras-s0", "mdb001.pgm", "--at", "535,425,197")
                .WithExample("predict", "runs/calc-patient-class-keras-s0", "scan.png", "--at", "300,600,40", "--origin", "top-left", "--json")
                .WithExample("predict", "runs/all-cv-class-keras-s0", "mdb028.pgm", "--out", "mdb028-heatmap.png", "--top", "5");
            config.AddCommand<ExperimentCommand>("experiment")
                .WithDescription("Run the original study's grid (groups × balancing × protocol, leaky vs patient-level cv) into one resumable folder, with a summary.")
                .WithExample("experiment", "--quick")
                .WithExample("experiment", "--tasks", "calc,mass", "--balancing", "class", "--out", "experiments/masses");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Redraw an experiment's figures and write one self-contained HTML report (dataset, method, results, every cell, caveats).")
                .WithExample("report", "experiments/default", "--out", "report.html");
            config.AddCommand<ExportCommand>("export").WithDescription("Export a finished run as one ONNX model (a cv run's folds averaged inside it) that runs without Mammo, or as a PyTorch state_dict.").WithExample("export", "runs/calc-patient-class-keras-s0", "--format", "onnx", "--out", "model.onnx");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("The web viewer: dataset, scans, runs and predictions in the browser, on this machine (127.0.0.1:5173) until Ctrl+C.")
                .WithExample("serve", "--runs", "runs")
                .WithExample("serve", "--host", "0.0.0.0", "--port", "8080");
            config.AddCommand<LocaliseCommand>("localise")
                .WithDescription("Map every held-out abnormal scan of a run and measure how often its top regions hit a lesion (top-k, FROC), beside random regions.")
                .WithExample("localise", "runs/normal-abnormal-cv-weights-keras-s0")
                .WithExample("localise", "runs/detect-cv", "--detector", "combined");
        });

        try
        {
            return app.Run(args, cancellationToken);
        }
        catch (Exception e)
        {
            CommandErrors.Write(errors, e);
            return CommandErrors.ExitCode(e);
        }
    }
}
