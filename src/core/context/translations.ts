import type { ContextLabel, ContextSectionTitle } from './labels';

/**
 * The template's labels and section names in French, Spanish, Portuguese, German and Italian, as
 * assistants translate the template: one table, read by the reader directly and used by the
 * restructuring Quick Fix through the same label matching. Accents and case do not matter (the
 * match folds them); qualifiers in parentheses or after a comma are removed before matching.
 */
export const TRANSLATED_LABELS: Readonly<Record<ContextLabel, readonly string[]>> = {
  'Community Name': ['Nom de la communauté', 'Nom de la communaute', 'Nombre de la comunidad', 'Nome da comunidade', 'Name der Community', 'Community-Name', 'Name der Gemeinschaft', 'Nome della community', 'Nome della comunità'],
  'One-line description': ['Description en une ligne', 'Description en une phrase', 'Description courte', 'Descripción en una línea', 'Descripción de una línea', 'Descripción breve', 'Descrição em uma linha', 'Descrição de uma linha', 'Descrição em uma frase', 'Descrição curta', 'Einzeilige Beschreibung', 'Beschreibung in einem Satz', 'Kurzbeschreibung', 'Einzeiler', 'Descrizione in una riga', 'Descrizione in una frase', 'Descrizione breve'],
  'Community type': ['Type de communauté', 'Tipo de comunidad', 'Tipo de comunidade', 'Community-Typ', 'Art der Community', 'Typ der Community', 'Tipo di community', 'Tipo di comunità'],
  'Primary platform': ['Plateforme principale', 'Plataforma principal', 'Hauptplattform', 'Primäre Plattform', 'Piattaforma principale'],
  'Secondary platforms': ['Plateformes secondaires', 'Autres plateformes', 'Plataformas secundarias', 'Plataformas secundárias', 'Weitere Plattformen', 'Sekundäre Plattformen', 'Nebenplattformen', 'Piattaforme secondarie', 'Altre piattaforme'],
  'Community URL': ['URL de la communauté', 'Lien de la communauté', 'Site de la communauté', 'URL de la comunidad', 'Enlace de la comunidad', 'URL da comunidade', 'Link da comunidade', 'Community-URL', 'URL der Community', 'Link zur Community', 'URL della community', 'Link della community'],
  Founded: ['Fondée', 'Fondée en', 'Création', 'Date de création', 'Fundada', 'Fundada en', 'Fundada em', 'Fundación', 'Fundação', 'Fecha de fundación', 'Data de fundação', 'Gegründet', 'Gründung', 'Gründungsjahr', 'Gründungsdatum', 'Fondata', 'Fondata nel', 'Fondazione', 'Anno di fondazione'],
  'Current size': ['Taille actuelle', 'Nombre de membres', 'Taille de la communauté', 'Tamaño actual', 'Número de miembros', 'Tamaño de la comunidad', 'Tamanho atual', 'Tamanho actual', 'Número de membros', 'Tamanho da comunidade', 'Aktuelle Größe', 'Mitgliederzahl', 'Anzahl der Mitglieder', 'Größe der Community', 'Dimensione attuale', 'Numero di membri', 'Dimensione della community'],
  Mission: ['Misión', 'Missão', 'Auftrag', 'Missione'],
  'Who is this for': ['Pour qui', 'Pour qui est-ce', "À qui s'adresse-t-elle", 'Public cible', 'Para quién es', 'Para quién', 'Público objetivo', 'Para quem é', 'Para quem', 'Público-alvo', 'Für wen', 'Für wen ist das', 'Für wen ist die Community', 'Zielgruppe', 'Per chi è', 'Per chi', 'Pubblico di riferimento'],
  'Who is this NOT for': ["Pour qui ce n'est pas", "Pour qui ce n'est pas fait", "À qui elle ne s'adresse pas", 'Pas pour qui', 'Para quién no es', 'Para quem não é', 'Für wen nicht', 'Für wen ist das nicht', 'Für wen ist die Community nicht', 'Per chi non è'],
  'Core value proposition': ['Proposition de valeur', 'Proposition de valeur principale', 'Proposition de valeur centrale', 'Propuesta de valor', 'Propuesta de valor principal', 'Proposta de valor', 'Proposta de valor principal', 'Proposta de valor central', 'Wertversprechen', 'Zentrales Wertversprechen', 'Kernnutzen', 'Nutzenversprechen', 'Proposta di valore', 'Proposta di valore principale'],
  'Positioning statement': ['Positionnement', 'Énoncé de positionnement', 'Déclaration de positionnement', 'Declaración de posicionamiento', 'Posicionamiento', 'Declaração de posicionamento', 'Posicionamento', 'Positionierung', 'Positionierungsaussage', 'Dichiarazione di posizionamento', 'Posizionamento'],
  'Relationship to business': ["Relation avec l'entreprise", "Lien avec l'entreprise", 'Relación con el negocio', 'Relación con la empresa', 'Relação com o negócio', 'Relação com a empresa', 'Beziehung zum Unternehmen', 'Verhältnis zum Unternehmen', 'Bezug zum Geschäft', "Rapporto con l'azienda", 'Relazione con il business'],
  'Company/brand': ['Entreprise/marque', 'Entreprise', 'Marque', 'Empresa/marca', 'Empresa', 'Unternehmen/Marke', 'Firma/Marke', 'Unternehmen', 'Azienda/brand', 'Azienda/marchio', 'Azienda'],
  'Product/service': ['Produit/service', 'Produit', 'Producto/servicio', 'Producto', 'Produto/serviço', 'Produto', 'Produkt/Dienstleistung', 'Produkt/Service', 'Produkt', 'Prodotto/servizio', 'Prodotto'],
  'Revenue model': ['Modèle de revenus', 'Modèle économique', 'Modelo de ingresos', 'Modelo de negocio', 'Modelo de receita', 'Modelo de negócio', 'Erlösmodell', 'Umsatzmodell', 'Geschäftsmodell', 'Modello di ricavi', 'Modello di business'],
  'Primary business goal': ['Objectif business principal', 'Objectif commercial principal', "Objectif principal de l'entreprise", 'Objetivo de negocio principal', 'Objetivo principal del negocio', 'Objetivo principal de negócio', 'Objetivo de negócio principal', 'Wichtigstes Geschäftsziel', 'Primäres Geschäftsziel', 'Geschäftsziel', 'Obiettivo di business principale', 'Obiettivo aziendale principale'],
  Demographics: ['Démographie', 'Données démographiques', 'Profil démographique', 'Demografía', 'Datos demográficos', 'Demografia', 'Dados demográficos', 'Demografie', 'Demographie', 'Demografische Merkmale', 'Dati demografici'],
  Psychographics: ['Psychographie', 'Profil psychographique', 'Psicografía', 'Psicografia', 'Psychografie'],
  'Where they hang out online': ['Où ils se retrouvent en ligne', 'Où se retrouvent-ils en ligne', 'Dónde se reúnen en línea', 'Dónde están en línea', 'Onde eles ficam online', 'Onde se encontram online', 'Wo sie sich online aufhalten', 'Wo sie online unterwegs sind', 'Dove si ritrovano online', 'Dove passano il tempo online'],
  'What they talk about': ['De quoi ils parlent', 'Sujets de discussion', 'De qué hablan', 'Temas de conversación', 'Sobre o que falam', 'Do que falam', 'Worüber sie sprechen', 'Worüber sie reden', 'Gesprächsthemen', 'Di cosa parlano', 'Argomenti di discussione'],
  'Language/jargon': ['Langage/jargon', 'Vocabulaire/jargon', 'Lenguaje/jerga', 'Linguagem/jargão', 'Sprache/Jargon', 'Fachjargon', 'Linguaggio/gergo'],
  Stage: ['Étape', 'Stade', 'Etapa', 'Estágio', 'Stadium', 'Stadio', 'Fase'],
  'Active members': ['Membres actifs', 'Miembros activos', 'Membros ativos', 'Membros activos', 'Aktive Mitglieder', 'Membri attivi'],
  'Engagement level': ["Niveau d'engagement", 'Nivel de participación', 'Nivel de engagement', 'Nivel de compromiso', 'Nível de engajamento', 'Nível de envolvimento', 'Engajamento', 'Engagement-Level', 'Engagementniveau', 'Grad des Engagements', 'Livello di coinvolgimento', 'Livello di engagement', 'Coinvolgimento'],
  Team: ['Équipe', 'Equipo', 'Equipe', 'Equipa', 'Squadra'],
  Budget: ['Presupuesto', 'Orçamento'],
  'Tools in use': ['Outils utilisés', 'Outils', 'Herramientas en uso', 'Herramientas utilizadas', 'Herramientas', 'Ferramentas em uso', 'Ferramentas utilizadas', 'Ferramentas', 'Eingesetzte Tools', 'Genutzte Tools', 'Tools im Einsatz', 'Werkzeuge', 'Strumenti in uso', 'Strumenti utilizzati', 'Strumenti'],
  'Existing programs': ['Programmes existants', 'Programas existentes', 'Bestehende Programme', 'Bestehende Formate', 'Programmi esistenti'],
  'Primary goal (next 90 days)': ['Objectif principal (90 prochains jours)', 'Objectif principal', 'Objetivo principal (próximos 90 días)', 'Objetivo principal (próximos 90 dias)', 'Objetivo principal', 'Hauptziel (nächste 90 Tage)', 'Hauptziel', 'Wichtigstes Ziel', 'Obiettivo principale (prossimi 90 giorni)', 'Obiettivo principale'],
  'Secondary goals': ['Objectifs secondaires', 'Objetivos secundarios', 'Objetivos secundários', 'Nebenziele', 'Weitere Ziele', 'Sekundäre Ziele', 'Obiettivi secondari'],
  'Biggest challenge right now': ['Plus grand défi actuel', 'Plus grand défi', 'Principal défi', 'Mayor desafío actual', 'Mayor reto actual', 'Mayor desafío', 'Mayor reto', 'Maior desafio atual', 'Maior desafio', 'Größte Herausforderung', 'Größte aktuelle Herausforderung', 'Größte Herausforderung derzeit', 'Sfida più grande al momento', 'Sfida più grande', 'Principale sfida'],
  "What's working well": ['Ce qui fonctionne bien', 'Ce qui marche bien', 'Qué funciona bien', 'Lo que funciona bien', 'O que está funcionando bem', 'O que está a funcionar bem', 'O que funciona bem', 'Was gut funktioniert', 'Was gut läuft', 'Cosa funziona bene', 'Cosa sta funzionando'],
  "What's not working": ['Ce qui ne fonctionne pas', 'Ce qui ne marche pas', 'Qué no funciona', 'Lo que no funciona', 'O que não está funcionando', 'O que não funciona', 'Was nicht funktioniert', 'Was nicht gut läuft', 'Cosa non funziona'],
  'Community personality': ['Personnalité de la communauté', 'Personnalité', 'Personalidad de la comunidad', 'Personalidad', 'Personalidade da comunidade', 'Personalidade', 'Persönlichkeit der Community', 'Persönlichkeit', 'Charakter der Community', 'Personalità della community', 'Personalità'],
  Tone: ['Ton', 'Tono', 'Tom', 'Tonalität', 'Tonfall'],
  Values: ['Valeurs', 'Valores', 'Werte', 'Valori'],
  'Taboo topics': ['Sujets tabous', 'Temas tabú', 'Temas prohibidos', 'Tópicos tabu', 'Temas tabu', 'Assuntos tabu', 'Tabuthemen', 'Tabu-Themen', 'Argomenti tabù', 'Temi tabù'],
};

export const TRANSLATED_SECTIONS: Readonly<Record<ContextSectionTitle, readonly string[]>> = {
  'Community Overview': ["Aperçu de la communauté", "Vue d'ensemble de la communauté", 'Présentation de la communauté', 'Aperçu', 'Resumen de la comunidad', 'Visión general de la comunidad', 'Visión general', 'Visão geral da comunidade', 'Resumo da comunidade', 'Visão geral', 'Community-Überblick', 'Überblick über die Community', 'Überblick', 'Panoramica della community', 'Panoramica'],
  'Purpose and Positioning': ["Raison d'être et positionnement", 'Objectif et positionnement', 'Mission et positionnement', 'Propósito y posicionamiento', 'Propósito e posicionamento', 'Zweck und Positionierung', 'Scopo e posizionamento'],
  'Business Context': ['Contexte business', 'Contexte commercial', "Contexte de l'entreprise", 'Contexto de negocio', 'Contexto empresarial', 'Contexto de negócio', 'Geschäftskontext', 'Unternehmenskontext', 'Contesto aziendale', 'Contesto di business'],
  'Member Profile': ['Profil des membres', 'Perfil de los miembros', 'Perfil de miembros', 'Perfil dos membros', 'Mitgliederprofil', 'Profilo dei membri'],
  'Current State': ['État actuel', 'Situation actuelle', 'Estado actual', 'Situación actual', 'Estado atual', 'Situação atual', 'Aktueller Stand', 'Aktueller Zustand', 'Stato attuale', 'Situazione attuale'],
  'Goals and Challenges': ['Objectifs et défis', 'Objetivos y desafíos', 'Objetivos y retos', 'Objetivos e desafios', 'Metas e desafios', 'Ziele und Herausforderungen', 'Obiettivi e sfide'],
  'Culture and Voice': ['Culture et voix', 'Culture et ton', 'Cultura y voz', 'Cultura y tono', 'Cultura e voz', 'Cultura e tom', 'Kultur und Stimme', 'Kultur und Tonalität', 'Kultur und Ton', 'Cultura e voce', 'Cultura e tono'],
};

/**
 * Words by which a heading, a label or its qualifier says that what follows is no longer current
 * (`## Change history`, `Previous size:`, `Current size (old):`), in the same languages.
 */
export const HISTORY_WORDS: ReadonlySet<string> = new Set([
  'history', 'historical', 'changelog', 'previous', 'previously', 'old', 'older', 'archived', 'archive', 'past', 'former', 'formerly', 'earlier', 'superseded', 'outdated', 'obsolete',
  'historique', 'ancien', 'ancienne', 'anciens', 'anciennes', 'precedent', 'precedente', 'archive', 'archivee', 'obsolete',
  'historial', 'historico', 'anterior', 'anteriores', 'antiguo', 'antigua', 'archivado', 'archivada',
  'antigo', 'antiga', 'arquivado', 'arquivada',
  'verlauf', 'historie', 'anderungsprotokoll', 'alt', 'alte', 'alter', 'altes', 'fruher', 'fruhere', 'vorherig', 'vorherige', 'archiviert',
  'cronologia', 'storico', 'precedenti', 'vecchio', 'vecchia', 'archiviato', 'archiviata',
]);
