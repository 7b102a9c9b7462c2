using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServices.Domain;

namespace SharedServices.Core.Persistence.Configurations;

/// <summary>Every fact's source is stored the same way: document and paragraph columns beside the fact.</summary>
internal static class SourceMapping
{
    public static void MapSource<TOwner>(this OwnedNavigationBuilder<TOwner, SourceReference> source, string prefix)
        where TOwner : class
    {
        source.Property(s => s.Document).HasColumnName(prefix + "Document").HasMaxLength(200);
        source.Property(s => s.Paragraph).HasColumnName(prefix + "Paragraph").HasMaxLength(200);
    }
}
