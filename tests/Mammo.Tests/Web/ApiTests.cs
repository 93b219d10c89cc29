using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mammo.Data;
using Mammo.Learning.Training;
using Mammo.Runs;
using Mammo.Tests.TestSupport;
using SixLabors.ImageSharp;

namespace Mammo.Tests.Web;

/// <summary>The JSON API against the real server on a free loopback port, over the real archive and a run trained on it.</summary>
[Collection(WebServerGroup.Name)]
public sealed class ApiTests(WebWorld world)
{
    private HttpClient Client => world.Client;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private Task<HttpResponseMessage> Predict(object body) => Client.PostAsJsonAsync("/api/predict", body);

    private static Dictionary<string, double> Probabilities(JsonElement answer) =>
        answer.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

    private Lesion Calcification(int nth = 0) => world.Dataset.Lesions.Where(l => l.Class == AbnormalityClass.Calcification && l.Location is not null).Skip(nth).First();

    [RealMiasFact]
    public async Task The_listing_holds_the_322_scans_with_their_classes_as_the_dataset_loads_them()
    {
        var listing = await Json(await Client.GetAsync("/api/scans"));

        Assert.Equal(322, listing.GetProperty("count").GetInt32());
        var scans = listing.GetProperty("scans").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 322).Select(n => $"mdb{n:000}"), scans.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(world.Dataset.Scans.Count(s => s.IsNormal), scans.Count(s => s.GetProperty("normal").GetBoolean()));
        Assert.Equal(world.Dataset.Scans.Count(s => s.Lesions.Any(l => l.Class == AbnormalityClass.Calcification)), scans.Count(s => s.GetProperty("classes").EnumerateArray().Any(c => c.GetString() == "calcification")));
        Assert.Equal(world.Dataset.Scans.Count(s => s.Tissue == Tissue.DenseGlandular), scans.Count(s => s.GetProperty("tissue").GetString() == "dense-glandular"));
    }

    [RealMiasFact]
    public async Task A_scan_carries_its_lesions_in_MIAS_coordinates_and_its_pictures_are_those_mammo_show_draws()
    {
        var scan = await Json(await Client.GetAsync("/api/scans/mdb001"));
        var image = await Client.GetByteArrayAsync("/api/scans/mdb001/image");
        var thumbnail = await Client.GetByteArrayAsync("/api/scans/mdb001/thumbnail");
        var gallery = await Client.GetByteArrayAsync("/api/scans/mdb001/lesions/0/variants");
        var shown = CliRunner.Run("show", "mdb001", "--data", RealMias.Path!, "--out", Path.Combine(world.Scratch, "mdb001-show.png"), "--gallery", Path.Combine(world.Scratch, "mdb001-gallery.png"), "--overwrite");

        // Info.txt: "mdb001 G CIRC B 535 425 197".
        var lesion = Assert.Single(scan.GetProperty("lesions").EnumerateArray());
        Assert.Equal("CIRC", lesion.GetProperty("code").GetString());
        Assert.Equal("benign", lesion.GetProperty("severity").GetString());
        Assert.Equal((535.0, 425.0, 197.0), (lesion.GetProperty("x").GetDouble(), lesion.GetProperty("y").GetDouble(), lesion.GetProperty("radius").GetDouble()));
        Assert.Equal("fatty-glandular", scan.GetProperty("tissue").GetString());
        using var full = Image.Load<SixLabors.ImageSharp.PixelFormats.L8>(image);
        using var small = Image.Load(thumbnail);
        Assert.Equal((1024, 1024), (full.Width, full.Height));
        var pixels = new byte[1024 * 1024];
        full.CopyPixelDataTo(pixels);
        Assert.Equal(world.Dataset.Source.Decode(world.Dataset.Source.ReadScanFile("mdb001.pgm")).Pixels, pixels);
        Assert.Equal(Mammo.Web.Services.DatasetCatalog.ThumbnailWidth, small.Width);
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(world.Scratch, "mdb001-gallery.png")), gallery);
    }

    [RealMiasFact]
    public async Task A_region_gets_the_probabilities_mammo_predict_at_gives_for_the_same_run_and_point()
    {
        foreach (var (scan, x, y, r) in new[] { ("mdb001", 535.0, 425.0, 197.0), (Calcification().ScanId, Calcification().Location!.Value.X, Calcification().Location!.Value.Y, Calcification().Location!.Value.Radius), ("mdb005", 300.0, 700.0, 30.0) })
        {
            var cli = CliRunner.Run("predict", world.Run, world.ScanFile(scan), "--at", FormattableString.Invariant($"{x},{y},{r}"), "--json");
            Assert.True(cli.ExitCode == 0, cli.Errors);
            using var expected = JsonDocument.Parse(cli.Output);

            var answer = await Json(await Predict(new { run = WebWorld.RunName, scan, x, y, r }));
            var topLeft = await Json(await Predict(new { run = WebWorld.RunName, scan, x, y = 1024 - y, r, origin = "top-left" }));

            Assert.Equal(Probabilities(expected.RootElement), Probabilities(answer));
            Assert.Equal(Probabilities(answer), Probabilities(topLeft));
            Assert.Equal(expected.RootElement.GetProperty("label").GetString(), answer.GetProperty("label").GetString());
            Assert.Equal(8, answer.GetProperty("variants").GetInt32());
            Assert.Equal(expected.RootElement.GetProperty("held_out").GetProperty("auc").GetDouble(), answer.GetProperty("held_out").GetProperty("auc").GetDouble());
            Assert.Equal(expected.RootElement.GetProperty("scan").ValueKind == JsonValueKind.Null, answer.GetProperty("scan").ValueKind == JsonValueKind.Null);
        }
    }

    [RealMiasFact]
    public async Task A_scan_of_the_run_s_split_says_whether_the_run_held_its_patient_out_as_predict_does()
    {
        var split = SplitManifestRows();
        var lesion = world.Dataset.Lesions.First(l => l.Class == AbnormalityClass.Calcification && l.Location is not null && split.TryGetValue(l.Patient, out var s) && s == Mammo.Sampling.DataSplit.Test);
        var answer = await Json(await Predict(new { run = WebWorld.RunName, scan = lesion.ScanId, x = lesion.Location!.Value.X, y = lesion.Location.Value.Y, r = lesion.Location.Value.Radius }));

        Assert.True(answer.GetProperty("scan").GetProperty("held_out").GetBoolean());
        Assert.Equal(lesion.ScanId, answer.GetProperty("scan").GetProperty("scan_id").GetString());
    }

    private Dictionary<Patient, Mammo.Sampling.DataSplit> SplitManifestRows() =>
        Mammo.Sampling.SplitManifest.Read(File.ReadAllText(Path.Combine(world.Run, Mammo.Sampling.SplitManifest.FileName)), "split.csv")
            .GroupBy(r => r.Patient).ToDictionary(g => g.Key, g => g.Any(r => r.Split == Mammo.Sampling.DataSplit.Test) ? Mammo.Sampling.DataSplit.Test : g.First().Split);

    [RealMiasFact]
    public async Task A_heat_map_lists_the_regions_mammo_predict_lists_and_an_overlay_the_size_of_its_grid()
    {
        var overlay = Path.Combine(world.Scratch, "mdb028-heatmap.png");
        var cli = CliRunner.Run("predict", world.Run, world.ScanFile("mdb028"), "--out", overlay, "--overwrite", "--json");
        Assert.True(cli.ExitCode == 0, cli.Errors);
        using var expected = JsonDocument.Parse(cli.Output);

        var answer = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb028" }));

        static IEnumerable<(double, double, double, double)> Regions(JsonElement e) =>
            e.GetProperty("regions").EnumerateArray().Select(r => (r.GetProperty("x").GetDouble(), r.GetProperty("y").GetDouble(), r.GetProperty("radius").GetDouble(), r.GetProperty("score").GetDouble()));
        Assert.Equal(Regions(expected.RootElement), Regions(answer));
        Assert.Equal(5, answer.GetProperty("regions").GetArrayLength());
        var png = answer.GetProperty("overlay").GetString()!;
        Assert.StartsWith("data:image/png;base64,", png, StringComparison.Ordinal);
        using var picture = Image.Load(Convert.FromBase64String(png["data:image/png;base64,".Length..]));
        Assert.Equal((256, 256), (picture.Width, picture.Height));
    }

    [RealMiasFact]
    public async Task A_detect_run_s_heat_map_scores_with_its_stored_feature_detector_as_mammo_predict_does()
    {
        static IEnumerable<(double, double, double, double)> Regions(JsonElement e) =>
            e.GetProperty("regions").EnumerateArray().Select(r => (r.GetProperty("x").GetDouble(), r.GetProperty("y").GetDouble(), r.GetProperty("radius").GetDouble(), r.GetProperty("score").GetDouble()));
        var answers = new Dictionary<string, JsonElement>();
        foreach (var detector in new[] { "network", "features", "combined" })
        {
            var overlay = Path.Combine(world.Scratch, $"mdb028-{detector}.png");
            var cli = CliRunner.Run("predict", world.DetectRun, world.ScanFile("mdb028"), "--detector", detector, "--out", overlay, "--overwrite", "--json");
            Assert.True(cli.ExitCode == 0, cli.Errors);
            using var expected = JsonDocument.Parse(cli.Output);
            answers[detector] = await Json(await Predict(new { run = WebWorld.DetectRunName, scan = "mdb028", detector }));
            Assert.Equal(Regions(expected.RootElement), Regions(answers[detector]));
            Assert.Equal(detector, answers[detector].GetProperty("detector").GetString());
        }

        // Without a detector the run's stored one maps beside the network, as mammo predict does by default; a run without one maps with its network.
        var auto = await Json(await Predict(new { run = WebWorld.DetectRunName, scan = "mdb028" }));
        Assert.Equal("combined", auto.GetProperty("detector").GetString());
        Assert.Equal(Regions(answers["combined"]), Regions(auto));
        Assert.Equal("network", (await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb028" }))).GetProperty("detector").GetString());

        // Three different maps, and the feature detector's held-out AUC beside the network's.
        Assert.NotEqual(Regions(answers["network"]), Regions(answers["features"]));
        Assert.NotEqual(Regions(answers["features"]), Regions(answers["combined"]));
        var standing = HeldOutPerformance.Read(new RunFolder(world.DetectRun));
        Assert.Equal(standing.FeatureDetectorAuc, answers["combined"].GetProperty("held_out").GetProperty("feature_detector_auc").GetDouble());
        Assert.InRange(standing.FeatureDetectorAuc!.Value, 0.7, 1);

        // A run without a feature detector, and a detector asked of a region: 400 with one line each.
        var none = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb028", detector = "features" }), HttpStatusCode.BadRequest);
        Assert.Equal($"{WebWorld.RunName}: has no feature-detector.json (a detect run trained by this Mammo stores one); map it with the network detector", none.GetProperty("error").GetString());
        var region = await Json(await Predict(new { run = WebWorld.DetectRunName, scan = "mdb028", x = 500, y = 500, r = 30, detector = "combined" }), HttpStatusCode.BadRequest);
        Assert.Equal("detector chooses what scores a heat map's windows; a region is classified by the run's network", region.GetProperty("error").GetString());
    }

    [RealMiasFact]
    public async Task An_uploaded_image_is_scored_as_the_same_pixels_from_the_dataset_and_kept_off_the_disk()
    {
        var before = Directory.EnumerateFileSystemEntries(world.Runs, "*", SearchOption.AllDirectories).Count();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(world.ScanFile("mdb001"))), "image", "my-scan.pgm" },
            { new StringContent(WebWorld.RunName), "run" },
            { new StringContent("535"), "x" },
            { new StringContent("425"), "y" },
            { new StringContent("197"), "r" },
        };

        var upload = await Json(await Client.PostAsync("/api/predict", form));
        var dataset = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb001", x = 535, y = 425, r = 197 }));

        Assert.Equal(Probabilities(dataset), Probabilities(upload));
        Assert.Equal("my-scan.pgm", upload.GetProperty("image").GetString());
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(world.Runs, "*", SearchOption.AllDirectories).Count());
    }

    [RealMiasFact]
    public async Task An_upload_to_the_page_s_store_is_served_back_and_predicted_on_by_id_as_a_TIFF_of_the_same_pixels()
    {
        var pixels = world.Dataset.Source.Decode(world.Dataset.Source.ReadScanFile("mdb001.pgm"));
        using var tiff = new MemoryStream();
        using (var picture = Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(pixels.Pixels, pixels.Width, pixels.Height))
        {
            picture.Save(tiff, new SixLabors.ImageSharp.Formats.Tiff.TiffEncoder { BitsPerPixel = SixLabors.ImageSharp.Formats.Tiff.TiffBitsPerPixel.Bit8 });
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(tiff.ToArray()), "image", "scan.tiff" } };
        var upload = await Json(await Client.PostAsync("/api/uploads", form));
        var id = upload.GetProperty("id").GetString();
        using var served = Image.Load<SixLabors.ImageSharp.PixelFormats.L8>(await Client.GetByteArrayAsync(upload.GetProperty("image").GetString()));
        var region = await Json(await Predict(new { run = WebWorld.RunName, upload = id, x = 535, y = 425, r = 197 }));
        var dataset = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb001", x = 535, y = 425, r = 197 }));
        var unknown = await Json(await Predict(new { run = WebWorld.RunName, upload = "0123456789abcdef0123456789abcdef", x = 535, y = 425, r = 197 }), HttpStatusCode.NotFound);

        Assert.Equal((1024, 1024), (upload.GetProperty("width").GetInt32(), upload.GetProperty("height").GetInt32()));
        var back = new byte[1024 * 1024];
        served.CopyPixelDataTo(back);
        Assert.Equal(pixels.Pixels, back);
        Assert.Equal(Probabilities(dataset), Probabilities(region));
        Assert.StartsWith("0123456789abcdef0123456789abcdef: no such upload", unknown.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [RealMiasFact]
    public async Task An_upload_over_the_size_limit_is_413_and_one_over_the_pixel_limit_too()
    {
        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[WebWorld.UploadLimit + 1]), "image", "big.pgm" }, { new StringContent(WebWorld.RunName), "run" } };
        using var wide = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("P5\n2000 2000\n255\n")), "image", "wide.pgm" }, { new StringContent(WebWorld.RunName), "run" } };

        var tooBig = await Json(await Client.PostAsync("/api/predict", big), HttpStatusCode.RequestEntityTooLarge);
        var tooWide = await Json(await Client.PostAsync("/api/predict", wide), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("3145728 bytes", tooBig.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2000", tooWide.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [RealMiasFact]
    public async Task Paths_that_step_outside_the_listings_are_not_found()
    {
        string[] targets =
        [
            "/api/scans/..%2F..%2Fetc%2Fpasswd/image", "/api/scans/%2e%2e/image", "/api/scans/../../etc/passwd",
            "/api/runs/../../../etc/passwd", "/api/runs/%2Fetc%2Fpasswd", "/api/runs//etc/passwd", "/api/runs/calc-tiny/..%2F..%2Fsecret",
            "/api/runs/calc-tiny%2Fweights.bin", "/api/runs/calc-tiny/weights.bin", "/api/runs/calc-tiny\\..\\x", "/api/scans/mdb001.pgm",
            "/api/scans/%252e%252e/image", "/etc/passwd", "/app.js/../../etc/passwd",
        ];
        foreach (var target in targets)
        {
            var (status, body) = await RawHttp.GetAsync(world.Server.Address!, target);

            Assert.True(status == 404, $"{target}: {status}");
            Assert.StartsWith("{\"error\":", body, StringComparison.Ordinal);
        }
    }

    [RealMiasFact]
    public async Task Errors_are_JSON_with_a_4xx_status_and_no_stack_trace()
    {
        var scan = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb999", x = 1, y = 1, r = 1 }), HttpStatusCode.NotFound);
        var run = await Json(await Predict(new { run = "nope", scan = "mdb001", x = 1, y = 1, r = 1 }), HttpStatusCode.NotFound);
        var outside = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb001", x = 5000, y = 1, r = 10 }), HttpStatusCode.BadRequest);
        var partial = await Json(await Predict(new { run = WebWorld.RunName, scan = "mdb001", x = 5 }), HttpStatusCode.BadRequest);
        using var garbage = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var malformed = await Json(await Client.PostAsync("/api/predict", garbage), HttpStatusCode.BadRequest);

        Assert.Equal("mdb999: no such scan in the dataset", scan.GetProperty("error").GetString());
        Assert.Equal("nope: no such run under the runs folder", run.GetProperty("error").GetString());
        Assert.Contains("does not fit the 1024×1024 image", outside.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("give all of x, y and r for a region, or none of them for a heat map", partial.GetProperty("error").GetString());
        Assert.StartsWith("the request body is not the JSON expected", malformed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", malformed.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [RealMiasFact]
    public async Task The_runs_listing_shows_the_run_s_held_out_AUC_and_its_figures_are_PNGs()
    {
        var runs = await Json(await Client.GetAsync("/api/runs"));
        var detail = await Json(await Client.GetAsync($"/api/runs/{WebWorld.RunName}"));
        var standing = HeldOutPerformance.Read(new RunFolder(world.Run));

        var listed = Assert.Single(runs.EnumerateArray(), r => r.GetProperty("name").GetString() == WebWorld.RunName);
        Assert.True(listed.GetProperty("complete").GetBoolean());
        Assert.Equal(standing.Auc, listed.GetProperty("held_out").GetProperty("auc").GetDouble());
        Assert.Equal(standing.BaselineAuc, listed.GetProperty("held_out").GetProperty("baseline_auc").GetDouble());
        var figures = detail.GetProperty("figures").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(["curves", "confusion", "roc", "calibration"], figures.Select(f => Path.GetFileNameWithoutExtension(f)));
        foreach (var figure in figures)
        {
            using var png = Image.Load(await Client.GetByteArrayAsync(figure));
            Assert.True(png.Width > 300, figure);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(world.Run, RunFolder.ReportFile)), await Client.GetStringAsync($"/api/runs/{WebWorld.RunName}/report"));
    }

    [RealMiasFact]
    public async Task Concurrent_predictions_equal_sequential_ones_and_a_heat_map_does_not_hold_up_the_dataset_pages()
    {
        var lesions = world.Dataset.Lesions.Where(l => l.Location is not null).Take(12).ToList();
        object Body(Lesion l) => new { run = WebWorld.RunName, scan = l.ScanId, x = l.Location!.Value.X, y = l.Location.Value.Y, r = l.Location.Value.Radius };
        var sequential = new List<Dictionary<string, double>>();
        foreach (var lesion in lesions)
        {
            sequential.Add(Probabilities(await Json(await Predict(Body(lesion)))));
        }

        var heatmaps = Enumerable.Range(0, 2).Select(_ => Predict(new { run = WebWorld.RunName, scan = "mdb028" })).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var listing = await Client.GetAsync("/api/scans");
        var listingSeconds = clock.Elapsed.TotalSeconds;
        var parallel = await Task.WhenAll(lesions.Select(async l => Probabilities(await Json(await Predict(Body(l))))));
        var maps = await Task.WhenAll(heatmaps);

        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.True(listingSeconds < 1, $"the listing took {listingSeconds:0.00} s while heat maps ran");
        Assert.Equal(sequential, parallel);
        var regions = await Task.WhenAll(maps.Select(async m => (await Json(m)).GetProperty("regions").ToString()));
        Assert.Equal(regions[0], regions[1]);
    }

    [RealMiasFact]
    public async Task The_page_loads_nothing_from_elsewhere()
    {
        foreach (var file in new[] { "/", "/app.js", "/app.css" })
        {
            // The one address in the script is SVG's namespace name, which is never fetched.
            var text = (await Client.GetStringAsync(file)).Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);

            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }

        var page = await Client.GetAsync("/");
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
