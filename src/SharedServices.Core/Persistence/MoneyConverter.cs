using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SharedServices.Domain.Money;

namespace SharedServices.Core.Persistence;

/// <summary>Money is stored as whole pence, so every database can sum and sort it exactly.</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Pence, pence => new Money(pence));
