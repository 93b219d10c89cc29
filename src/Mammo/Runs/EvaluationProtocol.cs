using Mammo.Storage;

namespace Mammo.Runs;

/// <summary>How samples are divided between training, validation and test.</summary>
public enum EvaluationProtocol
{
    /// <summary>By patient, stratified: train / validation / test (default 60/20/20); test used once.</summary>
    Patient,

    /// <summary>Patient-grouped stratified k-fold; a validation part inside each fold's training patients.</summary>
    Cv,

    /// <summary>
    /// The original study's protocol, for reproduction only: augmented patches split 75/25 AFTER augmentation,
    /// the test part also used for validation. Leaky: copies of one lesion sit on both sides. Formerly "seed",
    /// which also named the network and the variant recipe; run folders and scripts of that time still say it.
    /// </summary>
    [EnumAlias("seed")]
    Leaky,

    /// <summary>
    /// The dataset's own train/test split (CBIS-DDSM's official one, a manifest's split column) as published; the
    /// validation part drawn by patient from its training scans.
    /// </summary>
    Official,
}
