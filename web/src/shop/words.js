// The shop's own words in the institution's languages; a word without a
// translation shows in English.
const FR = {
  'On sale': 'En vente',
  Cart: 'Panier',
  'Your cart': 'Votre panier',
  'Your cart is empty.': 'Votre panier est vide.',
  'Back to the programme': 'Retour au programme',
  Date: 'Date',
  'Seat category': 'Catégorie de place',
  Audience: 'Public',
  Price: 'Tarif',
  Quantity: 'Quantité',
  'Add to cart': 'Ajouter au panier',
  'Take the package instead': 'Prendre le package à la place',
  'per ticket': 'par billet',
  'You may also like': 'Vous aimerez aussi',
  'With your order': 'Avec votre commande',
  Remove: 'Retirer',
  Total: 'Total',
  Checkout: 'Commander',
  Pay: 'Payer',
  'Paying…': 'Paiement…',
  'Shop key': 'Clé de la boutique',
  'Thank you for your order': 'Merci pour votre commande',
  'Your tickets are being issued.': 'Vos billets sont en cours d’émission.',
  'Add to a new cart': 'Ajouter à un nouveau panier',
  'No performance left on sale.': 'Plus aucune séance en vente.',
  left: 'restantes',
  'Sold out': 'Complet',
  'from': 'dès',
  Order: 'Commande',
  'No payment is taken: this is a demonstration shop.':
    'Aucun paiement n’est prélevé : boutique de démonstration.',
  'Keep shopping': 'Continuer mes achats',
  Loading: 'Chargement',
  'Choose a performance': 'Choisissez une séance',
};

export function translator(lang) {
  return (word) => (lang === 'fr' && FR[word]) || word;
}
