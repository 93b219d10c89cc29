namespace Mammo.Cli.Commands;

/// <summary>What <c>mammo predict</c> does, decided once from what it was given.</summary>
public enum PredictMode
{
    /// <summary>One region of one image (<c>--at x,y,r</c>): its label and probabilities.</summary>
    Region,

    /// <summary>One whole image, no region: the heat map and its top regions.</summary>
    Heatmap,

    /// <summary>A folder of images or a gzip archive of them: every image's top regions into one CSV.</summary>
    Batch,
}
