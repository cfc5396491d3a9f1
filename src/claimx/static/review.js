// claimx serve: review controls on article pages and the triage view. Text is set with textContent only.
(function(){
  const KEYS={v:'verified',f:'false',m:'misleading',u:'unverifiable',n:'not_a_claim','0':'unreviewed'};
  const STATUSES=['unreviewed','verified','false','misleading','unverifiable','not_a_claim'];
  const $=id=>document.getElementById(id);
  const reviewerBox=()=>$('reviewer');
  function reviewer(){const r=reviewerBox(); return r?r.value.trim():(localStorage.getItem('claimx-reviewer')||'');}
  function say(msg,bad){const el=$('p-msg'); if(el){el.textContent=msg; el.className=bad?'bad':'ok';}}
  async function put(id,payload){
    const r=reviewer(); if(r) payload.reviewer=r;
    const res=await fetch('/api/claims/'+encodeURIComponent(id)+'/review',{method:'PUT',
      headers:{'Content-Type':'application/json'},body:JSON.stringify(payload)});
    const body=await res.json().catch(()=>({detail:'the server did not answer with JSON'}));
    if(!res.ok){say('not saved: '+(body.detail||res.status),true); throw new Error(body.detail);}
    say('saved '+body.status+' at '+body.reviewed_at,false); return body;}
  function panel(){return {note:$('p-note'),evidence:$('p-evidence'),sentence:$('p-sentence')};}
  function payloadFor(status){const p=panel(),out={status};
    if(p.note) out.note=p.note.value; if(p.evidence) out.evidence_url=p.evidence.value.trim(); return out;}
  if(reviewerBox()){reviewerBox().value=localStorage.getItem('claimx-reviewer')||'';
    reviewerBox().addEventListener('input',()=>localStorage.setItem('claimx-reviewer',reviewerBox().value));}

  // -- the triage view ----------------------------------------------------------------------------
  const triage=$('triage');
  if(triage){
    const body=triage.tBodies[0]; let claims=[], rows=[], current=-1;
    const f={type:$('f-type'),source:$('f-source'),modality:$('f-modality'),status:$('f-status'),cw:$('f-cw')};
    function cell(text){const td=document.createElement('td'); td.textContent=text==null?'':String(text); return td;}
    function render(){body.textContent=''; rows=claims.map((c,i)=>{const tr=document.createElement('tr');
      tr.dataset.id=c.claim_id; tr.dataset.i=i;
      [c.checkworthiness.toFixed(2),c.article_id,c.quantity.text,c.measured,c.source?c.source.text:'',c.status]
        .forEach(t=>tr.appendChild(cell(t)));
      tr.className='status-'+c.status; tr.addEventListener('click',()=>select(rows.indexOf(tr))); body.appendChild(tr); return tr;});
      filter();}
    function visible(tr){return tr.style.display!=='none';}
    function filter(){let shown=0; rows.forEach((tr,i)=>{const c=claims[i];
      const ok=(!f.type.value||c.claim_type===f.type.value)&&(!f.source.value||(c.source?'yes':'no')===f.source.value)&&
        (!f.modality.value||c.modality===f.modality.value)&&(!f.status.value||c.status===f.status.value)&&
        (c.checkworthiness>=parseFloat(f.cw.value||0));
      tr.style.display=ok?'':'none'; if(ok) shown++;}); $('shown').textContent=shown;
      if(current<0||!visible(rows[current])) select(rows.findIndex(visible));}
    function select(i){if(i<0||i>=rows.length) return; rows.forEach(r=>r.classList.remove('selected'));
      current=i; const tr=rows[i], c=claims[i], p=panel(); tr.classList.add('selected'); tr.scrollIntoView({block:'nearest'});
      p.sentence.textContent=c.sentence; p.note.value=c.note||''; p.evidence.value=c.evidence_url||'';}
    function step(d){let i=current+d; while(i>=0&&i<rows.length&&!visible(rows[i])) i+=d; if(i>=0&&i<rows.length) select(i);}
    async function verdict(status){if(current<0) return; const i=current, c=claims[i];
      const stored=await put(c.claim_id,payloadFor(status)); Object.assign(c,stored);
      rows[i].className='status-'+c.status+' selected'; rows[i].cells[5].textContent=c.status; step(1);}
    Object.values(f).forEach(el=>{el.addEventListener('input',filter); el.addEventListener('change',filter);});
    document.addEventListener('keydown',ev=>{const t=ev.target.tagName;
      if(t==='INPUT'||t==='TEXTAREA'||t==='SELECT'){if(ev.key==='Escape') ev.target.blur(); return;}
      if(ev.key==='j'||ev.key==='ArrowDown'){step(1);ev.preventDefault();}
      else if(ev.key==='k'||ev.key==='ArrowUp'){step(-1);ev.preventDefault();}
      else if(ev.key==='e'){panel().note.focus();ev.preventDefault();}
      else if(KEYS[ev.key]){verdict(KEYS[ev.key]).catch(()=>{});ev.preventDefault();}});
    fetch('/api/claims').then(r=>r.json()).then(list=>{
      claims=list.sort((a,b)=>b.checkworthiness-a.checkworthiness||a.claim_id.localeCompare(b.claim_id)); render();});
    return;
  }

  // -- an article page: a review form for the selected claim ----------------------------------------
  const table=$('claims'); if(!table) return;
  const form=document.createElement('div'); form.className='panel'; form.id='panel';
  form.innerHTML='<div id="p-sentence" class="sentence"></div><label>status <select id="p-status"></select></label>'+
    '<label>note <textarea id="p-note" rows="2" cols="50"></textarea></label>'+
    '<label>evidence URL <input id="p-evidence" size="40" placeholder="https://"></label>'+
    '<label>reviewer <input id="reviewer" size="14"></label><button id="p-save">Save</button><span id="p-msg" role="status"></span>';
  table.parentNode.insertBefore(form,table);
  STATUSES.forEach(s=>{const o=document.createElement('option'); o.value=s; o.textContent=s; $('p-status').appendChild(o);});
  reviewerBox().value=localStorage.getItem('claimx-reviewer')||'';
  reviewerBox().addEventListener('input',()=>localStorage.setItem('claimx-reviewer',reviewerBox().value));
  let current=null, records={};
  const statusCell=tr=>tr.cells[tr.cells.length-1];
  function select(tr){current=tr; Array.from(table.tBodies[0].rows).forEach(r=>r.classList.remove('selected'));
    tr.classList.add('selected'); const c=records[tr.dataset.id]||{}, p=panel();
    p.sentence.textContent=c.sentence||''; p.note.value=c.note||''; p.evidence.value=c.evidence_url||'';
    $('p-status').value=c.status||tr.dataset.status||'unreviewed'; say('',false);}
  async function save(status){if(!current) return; const id=current.dataset.id;
    const stored=await put(id,payloadFor(status)); records[id]=Object.assign(records[id]||{},stored);
    current.dataset.status=stored.status; statusCell(current).textContent=stored.status;
    const mark=$('c-'+id); if(mark) mark.className='claim status-'+stored.status+' active';}
  Array.from(table.tBodies[0].rows).forEach(tr=>tr.addEventListener('click',()=>select(tr)));
  $('p-save').addEventListener('click',()=>save($('p-status').value).catch(()=>{}));
  document.addEventListener('keydown',ev=>{const t=ev.target.tagName;
    if(t==='INPUT'||t==='TEXTAREA'||t==='SELECT'||!current) return;
    if(KEYS[ev.key]){save(KEYS[ev.key]).catch(()=>{}); ev.preventDefault();}});
  fetch('/api/claims').then(r=>r.json()).then(list=>{list.forEach(c=>{records[c.claim_id]=c;});
    if(table.tBodies[0].rows.length) select(table.tBodies[0].rows[0]);});
})();
