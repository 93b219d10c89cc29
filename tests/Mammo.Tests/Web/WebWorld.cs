using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.TestSupport;
using Mammo.Web;

namespace Mammo.Tests.Web;

/// <summary>
/// The real archive, a calc run trained on it for one epoch (as the training tests train theirs, so its weights are
/// real and its split, metrics and baselines are written by <see cref="TrainingRun"/>), and a server over both on a
/// free loopback port. Upload limits are small so that the tests can exceed them cheaply.
/// </summary>
public sealed class WebWorld : IAsyncLifetime, IDisposable
{
    public const string RunName = "calc-tiny";

    /// <summary>A detect run (patient protocol, one epoch, one tissue region a scan): its stored feature detector serves the heat map's other detectors.</summary>
    public const string DetectRunName = "detect-tiny";
    public const long UploadLimit = 3L << 20;
    public const long PixelLimit = 2_000_000;

    private readonly TempFolder _root = new();

    public string Runs => _root.File("runs");

    public string Cache => _root.File("cache");

    public string Scratch => _root.File("scratch");

    public string Run => Path.Combine(Runs, RunName);

    public string DetectRun => Path.Combine(Runs, DetectRunName);

    public Dataset Dataset { get; private set; } = null!;

    public MammoServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public WebOptions Options(string host = "127.0.0.1", string? token = null) => new()
    {
        DataPath = RealMias.Path!,
        RunsPath = Runs,
        CachePath = Cache,
        Host = host,
        Port = 0,
        Token = token,
        MaxUploadBytes = UploadLimit,
        Limits = new Mammo.Imaging.ImageLimits(PixelLimit),
    };

    public async Task InitializeAsync()
    {
        if (RealMias.Path is null)
        {
            return;
        }

        Directory.CreateDirectory(Runs);
        Directory.CreateDirectory(Scratch);
        Dataset = MiasDataset.Load(DatasetSource.Open(RealMias.Path), new DatasetLoadOptions());
        var config = new RunConfig
        {
            Task = "calc",
            Seed = 3,
            DataPath = RealMias.Path,
            Training = new TrainingOptions { MaxEpochs = 1, Threads = 1 },
        };
        Assert.Equal(RunStatus.Complete, new TrainingRun(Dataset, config, new RunFolder(Run)).Execute().Status);
        var detect = config with { Task = "detect", Protocol = EvaluationProtocol.Patient, Balancing = Mammo.Sampling.Balancing.Weights, TissuePerScan = 1 };
        Assert.Equal(RunStatus.Complete, new TrainingRun(Dataset, detect, new RunFolder(DetectRun)).Execute().Status);
        Server = MammoServer.Create(Options());
        await Server.StartAsync();
        await Server.PicturesReady;
        Client = new HttpClient { BaseAddress = Server.Address };
    }

    /// <summary>A dataset scan's file as stored, written under the scratch folder for the command line to read.</summary>
    public string ScanFile(string id)
    {
        var path = Path.Combine(Scratch, id + ".pgm");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, Dataset.Source.ReadScanFile(id + ".pgm").Content);
        }

        return path;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _root.Dispose();
}
