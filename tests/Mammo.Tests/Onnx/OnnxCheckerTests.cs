using System.Diagnostics;
using Mammo.Learning.Training;
using Mammo.Onnx;
using Mammo.Runs;
using Mammo.Tests.Learning;
using Mammo.Tests.TestSupport;

namespace Mammo.Tests.Onnx;

/// <summary>The exported files as the ONNX project's own checker (Debian's python3-onnx 1.12) sees them.</summary>
[Collection(TorchGlobalState.Name)]
public sealed class OnnxCheckerTests : IDisposable
{
    // Strict check with shape inference, then what inference derives for the output, and two metadata values.
    private const string Script = """
        import sys, onnx
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
        out = inferred.graph.output[0]
        dims = [d.dim_param or str(d.dim_value) for d in out.type.tensor_type.shape.dim]
        meta = {p.key: p.value for p in model.metadata_props}
        print(out.name, ",".join(dims), model.ir_version, model.opset_import[0].version, meta["classes"], meta["models"])
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [PythonOnnxFact]
    public void A_patient_export_passes_the_onnx_checker()
    {
        Assert.Equal("probabilities N,2 8 17 benign,malignant 1", Check(EvaluationProtocol.Patient, "batchnorm"));
    }

    [PythonOnnxFact]
    public void A_cv_export_of_three_folds_passes_the_onnx_checker()
    {
        Assert.Equal("probabilities N,2 8 17 benign,malignant 3", Check(EvaluationProtocol.Cv, "keras"));
    }

    private string Check(EvaluationProtocol protocol, string network)
    {
        var run = OnnxFixtures.Run(_folder.File("run"), network, protocol, folds: 3);
        var output = _folder.File("model.onnx");
        OnnxRunExporter.Export(run.Path, output, overwrite: false);
        var script = _folder.File("check.py");
        File.WriteAllText(script, Script);

        using var process = Process.Start(new ProcessStartInfo(PythonOnnxFactAttribute.Python, [script, output]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors.Result);
        return text.Trim();
    }
}
