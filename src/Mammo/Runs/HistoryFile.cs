using System.Globalization;
using System.Text;
using Mammo.Data;

namespace Mammo.Runs;

/// <summary>A training history as CSV: <c>epoch,loss,accuracy,val_loss,val_accuracy,seconds</c>.</summary>
public static class HistoryFile
{
    public const string Header = "epoch,loss,accuracy,val_loss,val_accuracy,seconds";

    public static string Write(IEnumerable<EpochRecord> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in epochs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.Loss:R},{e.Accuracy:R},{e.ValidationLoss:R},{e.ValidationAccuracy:R},{e.Seconds:0.###}\n");
        }

        return text.ToString();
    }

    public static IReadOnlyList<EpochRecord> Read(string path)
    {
        var lines = Storage.InputFile.ReadText(path, Storage.InputFile.MaxCsvBytes).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new MammoDataException($"{path}:1: expected header '{Header}'");
        }

        var result = new List<EpochRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            var values = new double[5];
            var ok = f.Length == 6 && int.TryParse(f[0], out var epoch) && epoch == i;
            for (var j = 0; ok && j < 5; j++)
            {
                ok = double.TryParse(f[j + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]);
            }

            if (!ok)
            {
                throw new MammoDataException($"{path}:{i + 1}: malformed history row");
            }

            result.Add(new EpochRecord(i, values[0], values[1], values[2], values[3], values[4]));
        }

        return result;
    }
}
