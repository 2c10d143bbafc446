namespace Mpi.Matching.Normalization;

/// <summary>Which field receipts <see cref="RecordNormalizer.Normalize"/> returns.</summary>
public enum ReceiptDetail
{
    /// <summary>One receipt per field, in canonical column order: what a sender is answered.</summary>
    EveryField,

    /// <summary>Only the receipts of fields set aside: what a batch or a re-read of stored records needs.</summary>
    SetAsideOnly,
}
